import { useState } from 'react';
import type { Post, TimelinePost, User } from '../../electron/ipc/contract';
import { useTimeline } from '../api/posts';
import { Composer } from '../components/Composer';
import { DeletePostDialog } from '../components/DeletePostDialog';
import { PostItem } from '../components/PostItem';
import { PostList } from '../components/PostList';

/** Everyone's posts, newest first, under the composer. */
export function TimelinePage({ user }: { user: User }) {
  const timeline = useTimeline();
  const [deleting, setDeleting] = useState<Post | null>(null);
  const posts = timeline.data?.pages.flatMap((page) => page.items);
  return (
    <section className="page" aria-labelledby="timeline-title">
      <h1 id="timeline-title" className="page-title">
        Timeline
      </h1>
      <Composer user={user} />
      <PostList<TimelinePost>
        label="Timeline"
        posts={posts}
        status={timeline.status}
        error={timeline.error}
        hasNextPage={timeline.hasNextPage}
        isFetchingNextPage={timeline.isFetchingNextPage}
        fetchNextPage={timeline.fetchNextPage}
        refetch={timeline.refetch}
        renderPost={(post) => (
          <PostItem
            post={post}
            username={post.username}
            {...(post.userId === user.id && { onDelete: setDeleting })}
          />
        )}
      />
      {deleting && <DeletePostDialog post={deleting} author={user} onDone={() => setDeleting(null)} />}
    </section>
  );
}
