import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** Posts per IPC call: a few screens' worth, well under the contract's maximum. */
export const PAGE_SIZE = 50;

/** Every post, newest first, one cursor page at a time. */
export function useTimeline() {
  return useInfiniteQuery({
    queryKey: keys.timeline,
    queryFn: ({ pageParam }) => unwrap(microblog().posts.timeline({ cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** One profile's posts, newest first, paged the same way. */
export function useUserPosts(userId: number) {
  return useInfiniteQuery({
    queryKey: keys.userPosts(userId),
    queryFn: ({ pageParam }) =>
      unwrap(microblog().posts.byUser({ userId, cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: null as string | null,
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
