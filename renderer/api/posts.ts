import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { type Post, cursorBefore } from '../../electron/ipc/contract';
import { useBefore } from '../app/router';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** The first cursor of a list that starts before the end of a local day (`YYYY-MM-DD`), or null for the newest. */
export function startBefore(day: string | null): string | null {
  if (day === null) return null;
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return cursorBefore(new Date(year, month - 1, date + 1).toISOString());
}

/** Posts per IPC call: a few screens' worth, well under the contract's maximum. */
export const PAGE_SIZE = 50;

/** Every post, newest first (or from the screen's "Older than…" day), one cursor page at a time. */
export function useTimeline() {
  const before = useBefore();
  return useInfiniteQuery({
    queryKey: [...keys.timeline, before],
    queryFn: ({ pageParam }) => unwrap(microblog().posts.timeline({ cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: startBefore(before),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** One profile's posts, newest first, paged the same way. */
export function useUserPosts(userId: number) {
  const before = useBefore();
  return useInfiniteQuery({
    queryKey: [...keys.userPosts(userId), before],
    queryFn: ({ pageParam }) =>
      unwrap(microblog().posts.byUser({ userId, cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: startBefore(before),
    getNextPageParam: (page) => page.nextCursor,
  });
}

interface Author {
  userId: number;
  username: string;
}

/**
 * Publishes a post; main clears the author's draft in the same transaction. Each new text gets
 * a key (crypto.randomUUID); pressing Post again on the same text after a failure sends the same
 * key, so main answers with the first outcome and a retry can never make a second post.
 */
export function useCreatePost(author: Author) {
  const client = useQueryClient();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: (body: string): Promise<Post> => {
      const key = attempt.current?.body === body ? attempt.current.key : crypto.randomUUID();
      attempt.current = { body, key };
      return unwrap(microblog().posts.create({ userId: author.userId, body, key }));
    },
    onSuccess: async () => {
      attempt.current = null;
      client.setQueryData(keys.draft(author.userId), null);
      await invalidateAuthorPosts(client, author);
    },
  });
}

/** Deletes one of the active profile's own posts. */
export function useDeletePost(author: Author) {
  const client = useQueryClient();
  // One key per post until its delete succeeds: a retry after a failure that did delete it
  // gets that success back instead of "That post no longer exists".
  const keys = useRef(new Map<number, string>());
  return useMutation({
    mutationFn: (postId: number) => {
      const key = keys.current.get(postId) ?? crypto.randomUUID();
      keys.current.set(postId, key);
      return unwrap(microblog().posts.delete({ postId, userId: author.userId, key }));
    },
    onSuccess: (_result, postId) => {
      keys.current.delete(postId);
      return invalidateAuthorPosts(client, author);
    },
  });
}

/** What a new or deleted post changes: the timeline, the author's list and their post count. */
function invalidateAuthorPosts(client: ReturnType<typeof useQueryClient>, author: Author) {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.timeline }),
    client.invalidateQueries({ queryKey: keys.userPosts(author.userId) }),
    client.invalidateQueries({ queryKey: keys.profile(author.username) }),
  ]);
}
