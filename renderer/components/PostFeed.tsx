import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Post, User } from '../../electron/ipc/contract';
import { type FeedSource, restartFeedAtTop } from '../api/posts';
import { useIsLinked } from '../api/publishing';
import { DeletePostDialog } from './DeletePostDialog';
import { JumpToDate } from './JumpToDate';
import { PostItem } from './PostItem';
import { type FeedQuery, PostList } from './PostList';
import { UndoToast } from './UndoToast';

interface Props<T extends Post> {
  /** The feed's accessible name ("Timeline", "Posts by ann"). */
  label: string;
  /** The source's cursor-paged query (`useFeed(source)`). */
  query: FeedQuery<T>;
  /** Where that query's posts come from (`useTimelineSource()`, `useUserPostsSource(id)`, …). */
  source: FeedSource<T>;
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
export function PostFeed<T extends Post>({
  label,
  query,
  source,
  activeUser,
  authorOf,
  emptyText,
}: Props<T>) {
  const [deleting, setDeleting] = useState<Post | null>(null);
  const client = useQueryClient();
  const linked = useIsLinked(activeUser.id);
  const restartAtTop = useCallback(() => restartFeedAtTop(client, source), [client, source]);
  return (
    <>
      <JumpToDate />
      <PostList<T>
        feedKey={JSON.stringify(source.queryKey)}
        emptyText={emptyText}
        label={label}
        query={query}
        restartAtTop={restartAtTop}
        renderPost={(post, current) => (
          <PostItem
            // Rows are keyed by place: the post's own key keeps an open edit with its post when posts move.
            key={post.id}
            post={post}
            current={current}
            username={authorOf(post)}
            highlights={highlightsOf(post)}
            {...(post.userId === activeUser.id && {
              onDelete: setDeleting,
              editable: true,
              authorLinked: linked,
            })}
          />
        )}
      />
      {deleting && <DeletePostDialog post={deleting} author={activeUser} onDone={() => setDeleting(null)} />}
      <UndoToast />
    </>
  );
}
