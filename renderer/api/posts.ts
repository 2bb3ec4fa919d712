import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { type Page, type Post, type TimelinePost, cursorBefore } from '../../electron/ipc/contract';
import { useBefore } from '../app/router';
import { microblog, unwrap } from './client';
import type { FeedData, FeedParam } from './feed-cache';
import { addToFeeds, removeFromFeeds } from './feed-updates';
import { keys } from './keys';
import { useRetryKeys } from './retry-keys';

/** The first cursor of a list that starts before the end of a local day (`YYYY-MM-DD`), or null for the newest. */
export function startBefore(day: string | null): string | null {
  if (day === null) return null;
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return cursorBefore(new Date(year, month - 1, date + 1).toISOString());
}

/** Posts per IPC call: a few screens' worth, well under the contract's maximum. */
export const PAGE_SIZE = 50;

/**
 * Pages a feed keeps in memory (400 posts): scrolled further, the pages at the far end are
 * dropped and read again by cursor when the list comes back to them, so memory stays flat.
 */
export const MAX_PAGES = 8;

/**
 * Which feed a list shows: its cache key, where it starts (the newest post, or an "Older than…"
 * day), how to read one page, and whether main can page it back up (`direction: 'newer'`).
 */
export interface FeedSource<T extends Post> {
  queryKey: readonly unknown[];
  start: FeedParam;
  read: (param: FeedParam) => Promise<Page<T>>;
  pagesBothWays: boolean;
}

/** Where a feed starts: its newest post, or the end of the chosen day. */
export function feedStart(before: string | null): FeedParam {
  return { cursor: startBefore(before), direction: 'older' };
}

/** The timeline (from the "Older than…" day when there is one) as a feed source. */
export function timelineSource(before: string | null): FeedSource<TimelinePost> {
  return {
    queryKey: [...keys.timeline, before],
    start: feedStart(before),
    read: (param) => unwrap(microblog().posts.timeline({ ...param, limit: PAGE_SIZE })),
    pagesBothWays: true,
  };
}

/** One profile's posts as a feed source. */
export function userPostsSource(userId: number, before: string | null): FeedSource<Post> {
  return {
    queryKey: [...keys.userPosts(userId), before],
    start: feedStart(before),
    read: (param) => unwrap(microblog().posts.byUser({ userId, ...param, limit: PAGE_SIZE })),
    pagesBothWays: true,
  };
}

/**
 * A feed paged by keyset cursor. It is kept current by the mutations (in place, never by
 * refetching), so a mounted feed never goes stale by itself: `staleTime: Infinity` keeps coming
 * back to it from refetching every page it holds. A feed main can page back up keeps at most
 * MAX_PAGES pages; the others keep what was scrolled through.
 */
export function useFeed<T extends Post>(source: FeedSource<T>, enabled = true) {
  return useInfiniteQuery<Page<T>, Error, FeedData<T>, readonly unknown[], FeedParam>({
    queryKey: source.queryKey,
    queryFn: ({ pageParam }) => source.read(pageParam),
    initialPageParam: source.start,
    getNextPageParam: (page) =>
      page.nextCursor === null ? undefined : { cursor: page.nextCursor, direction: 'older' },
    ...(source.pagesBothWays && {
      getPreviousPageParam: (page: Page<T>): FeedParam | undefined =>
        page.prevCursor ? { cursor: page.prevCursor, direction: 'newer' } : undefined,
      maxPages: MAX_PAGES,
    }),
    staleTime: Infinity,
    enabled,
  });
}

/** The timeline source for the screen's "Older than…" day, stable across renders. */
export function useTimelineSource(): FeedSource<TimelinePost> {
  const before = useBefore();
  return useMemo(() => timelineSource(before), [before]);
}

/** One profile's posts source for the screen's "Older than…" day, stable across renders. */
export function useUserPostsSource(userId: number): FeedSource<Post> {
  const before = useBefore();
  return useMemo(() => userPostsSource(userId, before), [userId, before]);
}

/**
 * Reads a feed's first page again and keeps only it: the way back to the top from far down,
 * where walking back up page by page would read every page in between.
 */
export async function restartFeedAtTop<T extends Post>(
  client: QueryClient,
  source: FeedSource<T>,
): Promise<void> {
  const page = await source.read(source.start);
  client.setQueryData<FeedData<T>>(source.queryKey, { pages: [page], pageParams: [source.start] });
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
    onSuccess: (post) => {
      attempt.current = null;
      client.setQueryData(keys.draft(author.userId), null);
      addToFeeds(client, author, post);
    },
  });
}

/** Deletes one of the active profile's own posts. */
export function useDeletePost(author: Author) {
  const client = useQueryClient();
  const retry = useRetryKeys();
  return useMutation({
    mutationFn: (postId: number) =>
      unwrap(microblog().posts.delete({ postId, userId: author.userId, key: retry.keyFor(postId) })),
    onSuccess: (_result, postId) => {
      retry.done(postId);
      removeFromFeeds(client, author, postId);
    },
  });
}
