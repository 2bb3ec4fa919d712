import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Post, TimelinePost } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { replaceInFeeds, restoreInFeeds } from './feed-updates';
import { type FeedSource, PAGE_SIZE, feedStart } from './posts';
import { useRetryKeys } from './retry-keys';

interface Author {
  userId: number;
  username: string;
}

/** Query keys of this module's lists, beside the shared ones in keys.ts. */
export const postKeys = {
  /** Every tag page, whatever the tag. */
  tags: ['posts', 'byTag'] as const,
  tag: (tag: string) => ['posts', 'byTag', tag.toLowerCase()] as const,
  history: (postId: number) => ['posts', 'history', postId] as const,
};

/** The posts with one #tag (any case), newest first, one cursor page at a time. */
export function tagSource(tag: string): FeedSource<TimelinePost> {
  return {
    queryKey: postKeys.tag(tag),
    start: feedStart(null),
    read: ({ cursor }) => unwrap(microblog().posts.byTag({ tag, cursor, limit: PAGE_SIZE })),
    pagesBothWays: false,
  };
}

/** The earlier versions of a post, newest first; loaded only when "Show history" opens. */
export function usePostHistory(postId: number, enabled: boolean) {
  return useQuery({
    queryKey: postKeys.history(postId),
    queryFn: () => unwrap(microblog().posts.history({ postId })),
    enabled,
  });
}

/** A post's earlier versions change with each edit and restore: read them again when shown. */
function historyChanged(client: QueryClient, postId: number) {
  return client.invalidateQueries({ queryKey: postKeys.history(postId) });
}

/**
 * Saves a new body for one of the author's posts. As with posting, the same text sent again
 * after a failure carries the same key, so main answers with the first outcome.
 */
export function useEditPost(author: Author, postId: number) {
  const client = useQueryClient();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: (body: string): Promise<Post> => {
      const key = attempt.current?.body === body ? attempt.current.key : crypto.randomUUID();
      attempt.current = { body, key };
      return unwrap(microblog().posts.edit({ postId, userId: author.userId, body, key }));
    },
    onSuccess: (post) => {
      attempt.current = null;
      replaceInFeeds(client, author, post);
      return historyChanged(client, postId);
    },
  });
}

/** Puts a just-deleted post back (its Undo); one key per post, so a retry restores once. */
export function useRestorePost(author: Author) {
  const client = useQueryClient();
  const retry = useRetryKeys();
  return useMutation({
    mutationFn: (postId: number): Promise<Post> =>
      unwrap(microblog().posts.restore({ postId, userId: author.userId, key: retry.keyFor(postId) })),
    onSuccess: (post, postId) => {
      retry.done(postId);
      restoreInFeeds(client, author, post);
      return historyChanged(client, postId);
    },
  });
}

/** Asks main to open a post's link in the system browser; the window itself never navigates. */
export async function openLink(url: string): Promise<void> {
  await unwrap(microblog().links.open({ url }));
}
