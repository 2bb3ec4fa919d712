import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page, Post, User } from '../../electron/ipc/contract';
import { DeletePostDialog } from './DeletePostDialog';
import { PostItem } from './PostItem';
import { PostList } from './PostList';

interface Props<T extends Post> {
  /** The feed's accessible name ("Timeline", "Posts by ann"). */
  label: string;
  /** A cursor-paged query of posts, newest first (`useTimeline`, `useUserPosts`). */
  query: UseInfiniteQueryResult<InfiniteData<Page<T>, unknown>>;
  /** Who is posting: their own posts get a Delete button. */
  activeUser: User;
  /** The username shown on a post: the timeline's rows carry it, a profile page knows it. */
  authorOf: (post: T) => string;
}

/**
 * A page of posts as every screen shows them: loaded page by page as you scroll, each post
 * with its author and time, and the active profile's own posts deletable after a confirm.
 */
export function PostFeed<T extends Post>({ label, query, activeUser, authorOf }: Props<T>) {
  const [deleting, setDeleting] = useState<Post | null>(null);
  return (
    <>
      <PostList<T>
        label={label}
        posts={query.data?.pages.flatMap((page) => page.items)}
        status={query.status}
        error={query.error}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        refetch={query.refetch}
        renderPost={(post, current) => (
          <PostItem
            post={post}
            current={current}
            username={authorOf(post)}
            {...(post.userId === activeUser.id && { onDelete: setDeleting })}
          />
        )}
      />
      {deleting && <DeletePostDialog post={deleting} author={activeUser} onDone={() => setDeleting(null)} />}
    </>
  );
}
