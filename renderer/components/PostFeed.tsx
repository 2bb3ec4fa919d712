import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Post, User } from '../../electron/ipc/contract';
import { type FeedSource, restartFeedAtTop } from '../api/posts';
import { DeletePostDialog } from './DeletePostDialog';
import { PostItem } from './PostItem';
import { type FeedQuery, PostList } from './PostList';

interface Props<T extends Post> {
  /** The feed's accessible name ("Timeline", "Posts by ann"). */
  label: string;
  /** A cursor-paged query of posts, newest first (`useTimeline`, `useUserPosts`). */
  query: FeedQuery<T>;
  /** Where that query's posts come from (`timelineSource`, `userPostsSource(id)`). */
  source: FeedSource<T>;
  /** Who is posting: their own posts get a Delete button. */
  activeUser: User;
  /** The username shown on a post: the timeline's rows carry it, a profile page knows it. */
  authorOf: (post: T) => string;
}

/**
 * A page of posts as every screen shows them: loaded page by page as you scroll, each post
 * with its author and time, and the active profile's own posts deletable after a confirm.
 */
export function PostFeed<T extends Post>({ label, query, source, activeUser, authorOf }: Props<T>) {
  const [deleting, setDeleting] = useState<Post | null>(null);
  const client = useQueryClient();
  const restartAtTop = useCallback(() => restartFeedAtTop(client, source), [client, source]);
  return (
    <>
      <PostList<T>
        feedKey={JSON.stringify(source.queryKey)}
        label={label}
        query={query}
        restartAtTop={restartAtTop}
        renderPost={(post) => (
          <PostItem
            post={post}
            username={authorOf(post)}
            {...(post.userId === activeUser.id && { onDelete: setDeleting })}
          />
        )}
      />
      {deleting && <DeletePostDialog post={deleting} author={activeUser} onDone={() => setDeleting(null)} />}
    </>
  );
}
