import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';
import { PAGE_SIZE } from './posts';

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
export function useTagPosts(tag: string) {
  return useInfiniteQuery({
    queryKey: postKeys.tag(tag),
    queryFn: ({ pageParam }) => unwrap(microblog().posts.byTag({ tag, cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The earlier versions of a post, newest first; loaded only when "Show history" opens. */
export function usePostHistory(postId: number, enabled: boolean) {
  return useQuery({
    queryKey: postKeys.history(postId),
    queryFn: () => unwrap(microblog().posts.history({ postId })),
    enabled,
  });
}

/**
 * What an edit, a delete or a restore of the author's post changes: every list it can be in
 * (the timeline, the author's posts, any tag page, since its tags may have changed), the
 * author's post count, and the post's history.
 */
function invalidatePost(client: ReturnType<typeof useQueryClient>, author: Author, postId: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.timeline }),
    client.invalidateQueries({ queryKey: keys.userPosts(author.userId) }),
    client.invalidateQueries({ queryKey: keys.profile(author.username) }),
    client.invalidateQueries({ queryKey: postKeys.tags }),
    client.invalidateQueries({ queryKey: postKeys.history(postId) }),
  ]);
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
    onSuccess: () => {
      attempt.current = null;
      return invalidatePost(client, author, postId);
    },
  });
}

/** Puts a just-deleted post back (its Undo); one key per post, so a retry restores once. */
export function useRestorePost(author: Author) {
  const client = useQueryClient();
  const restoreKeys = useRef(new Map<number, string>());
  return useMutation({
    mutationFn: (postId: number): Promise<Post> => {
      const key = restoreKeys.current.get(postId) ?? crypto.randomUUID();
      restoreKeys.current.set(postId, key);
      return unwrap(microblog().posts.restore({ postId, userId: author.userId, key }));
    },
    onSuccess: (_post, postId) => {
      restoreKeys.current.delete(postId);
      return invalidatePost(client, author, postId);
    },
  });
}

/** Also refreshes the tag pages after a delete: the post leaves them too. */
export function invalidateTagPages(client: ReturnType<typeof useQueryClient>) {
  return client.invalidateQueries({ queryKey: postKeys.tags });
}

/** Asks main to open a post's link in the system browser; the window itself never navigates. */
export async function openLink(url: string): Promise<void> {
  await unwrap(microblog().links.open({ url }));
}
