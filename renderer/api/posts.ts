import { type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Page, Post, TimelinePost, UserProfile } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { FIRST_PAGE, type FeedData, type FeedParam, withNewPost, withoutPost } from './feed-cache';
import { keys } from './keys';

/** Posts per IPC call: a few screens' worth, well under the contract's maximum. */
export const PAGE_SIZE = 50;

/**
 * Pages a feed keeps in memory (400 posts): scrolled further, the pages at the far end are
 * dropped and read again by cursor when the list comes back to them, so memory stays flat.
 */
export const MAX_PAGES = 8;

/**
 * Paging both ways by keyset cursor. A feed is kept current by the mutations below (in place,
 * never by refetching), so a mounted feed never goes stale by itself: `staleTime: Infinity`
 * keeps coming back to it from refetching every page it holds.
 */
const feedPaging = {
  initialPageParam: FIRST_PAGE,
  getNextPageParam: (page: Page<Post>): FeedParam | undefined =>
    page.nextCursor === null ? undefined : { cursor: page.nextCursor, direction: 'older' },
  getPreviousPageParam: (page: Page<Post>): FeedParam | undefined =>
    page.prevCursor ? { cursor: page.prevCursor, direction: 'newer' } : undefined,
  maxPages: MAX_PAGES,
  staleTime: Infinity,
};

/** Which feed a list shows: its cache key, and how to read its newest page. */
export interface FeedSource<T extends Post> {
  queryKey: readonly unknown[];
  firstPage: () => Promise<Page<T>>;
}

/** The timeline as a feed source. */
export const timelineSource: FeedSource<TimelinePost> = {
  queryKey: keys.timeline,
  firstPage: () => unwrap(microblog().posts.timeline({ limit: PAGE_SIZE })),
};

/** One profile's posts as a feed source. */
export function userPostsSource(userId: number): FeedSource<Post> {
  return {
    queryKey: keys.userPosts(userId),
    firstPage: () => unwrap(microblog().posts.byUser({ userId, limit: PAGE_SIZE })),
  };
}

/** Every post, newest first, one cursor page at a time. */
export function useTimeline() {
  return useInfiniteQuery<Page<TimelinePost>, Error, FeedData<TimelinePost>, typeof keys.timeline, FeedParam>(
    {
      queryKey: keys.timeline,
      queryFn: ({ pageParam }) => unwrap(microblog().posts.timeline({ ...pageParam, limit: PAGE_SIZE })),
      ...feedPaging,
    },
  );
}

/** One profile's posts, newest first, paged the same way. */
export function useUserPosts(userId: number) {
  return useInfiniteQuery<Page<Post>, Error, FeedData<Post>, ReturnType<typeof keys.userPosts>, FeedParam>({
    queryKey: keys.userPosts(userId),
    queryFn: ({ pageParam }) => unwrap(microblog().posts.byUser({ userId, ...pageParam, limit: PAGE_SIZE })),
    ...feedPaging,
  });
}

/**
 * Reads a feed's newest page again and keeps only it: the way back to the top from far down,
 * where walking back up page by page would read every page in between.
 */
export async function restartFeedAtTop<T extends Post>(
  client: QueryClient,
  source: FeedSource<T>,
): Promise<void> {
  const page = await source.firstPage();
  client.setQueryData<FeedData<T>>(source.queryKey, { pages: [page], pageParams: [FIRST_PAGE] });
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
      removeFromFeeds(client, author, postId);
    },
  });
}

/** One more or one fewer post on the author's profile header. */
function countChange(client: QueryClient, author: Author, by: number): void {
  client.setQueryData<UserProfile>(
    keys.profile(author.username),
    (profile) => profile && { ...profile, postCount: Math.max(0, profile.postCount + by) },
  );
}

/**
 * What a new post changes, written into the cache in place: it goes on top of the timeline and
 * of the author's list, and their post count grows. No page is read again, however many are loaded.
 */
function addToFeeds(client: QueryClient, author: Author, post: Post): void {
  client.setQueryData<FeedData<TimelinePost>>(keys.timeline, (data) =>
    withNewPost(data, { ...post, username: author.username }),
  );
  client.setQueryData<FeedData<Post>>(keys.userPosts(author.userId), (data) => withNewPost(data, post));
  countChange(client, author, 1);
}

/** What a deleted post changes, in place: gone from every loaded page, one fewer on the author's count. */
function removeFromFeeds(client: QueryClient, author: Author, postId: number): void {
  client.setQueryData<FeedData<TimelinePost>>(keys.timeline, (data) => withoutPost(data, postId));
  client.setQueryData<FeedData<Post>>(keys.userPosts(author.userId), (data) => withoutPost(data, postId));
  countChange(client, author, -1);
}
