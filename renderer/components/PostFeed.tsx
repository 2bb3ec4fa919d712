import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page, Post, User } from '../../electron/ipc/contract';
import { DeletePostDialog } from './DeletePostDialog';
import { JumpToDate } from './JumpToDate';
import { PostItem } from './PostItem';
import { PostList } from './PostList';
import { UndoToast } from './UndoToast';

interface Props<T extends Post> {
  /** The feed's accessible name ("Timeline", "Posts by ann"). */
  label: string;
  /** A cursor-paged query of posts, newest first (`useTimeline`, `useUserPosts`). */
  query: UseInfiniteQueryResult<InfiniteData<Page<T>, unknown>>;
  /** Who is posting: their own posts get a Delete button. */
  activeUser: User;
  /** The username shown on a post: the timeline's rows carry it, a profile page knows it. */
  authorOf: (post: T) => string;
  /** What an empty feed says (default "No posts yet."). */
  emptyText?: string;
}

/** A search hit's matched ranges, when the post carries them. */
function highlightsOf(post: Post): readonly [number, number][] | undefined {
  return 'highlights' in post ? (post.highlights as [number, number][]) : undefined;
}

/**
 * A page of posts as every screen shows them: loaded page by page as you scroll, each post
 * with its author and time, and the active profile's own posts editable, and deletable after a
 * confirm with a few seconds to undo.
 */
export function PostFeed<T extends Post>({ label, query, activeUser, authorOf, emptyText }: Props<T>) {
  const [deleting, setDeleting] = useState<Post | null>(null);
  return (
    <>
      <JumpToDate />
      <PostList<T>
        emptyText={emptyText}
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
            highlights={highlightsOf(post)}
            {...(post.userId === activeUser.id && { onDelete: setDeleting, editable: true })}
          />
        )}
      />
      {deleting && <DeletePostDialog post={deleting} author={activeUser} onDone={() => setDeleting(null)} />}
      <UndoToast />
    </>
  );
}
