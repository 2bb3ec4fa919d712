import type { Query, QueryClient } from '@tanstack/react-query';
import type { Post, TimelinePost, UserProfile } from '../../electron/ipc/contract';
import { type FeedData, withNewPost, withPostReplaced, withPostRestored, withoutPost } from './feed-cache';
import { keys } from './keys';

/**
 * What a post, an edit, a delete or an Undo changes, written into the cached feeds in place:
 * no loaded page is read again, however many are loaded, so each costs the same at any depth.
 * Lists ordered by something a change can move (search hits, tag pages) are marked stale
 * instead; only the one on screen is read again.
 */

interface Author {
  userId: number;
  username: string;
}

const FOLLOWING_FEED = ['feed'] as const;
const SEARCH = ['search'] as const;
const TAGS = ['posts', 'byTag'] as const;

/** True for a feed that starts at the newest post (not at an "Older than…" day). */
function startsAtNewest(query: Query): boolean {
  return query.queryKey.at(-1) === null;
}

type Update<T extends Post> = (data: FeedData<T> | undefined) => FeedData<T> | undefined;

/** Applies one update to every cached feed the author's post can be in. */
function eachFeed(client: QueryClient, author: Author, update: Update<Post>, newestOnly = false): void {
  const where = (prefix: readonly unknown[]) => ({
    queryKey: prefix,
    predicate: newestOnly ? startsAtNewest : undefined,
  });
  client.setQueriesData<FeedData<Post>>(where(keys.timeline), update);
  client.setQueriesData<FeedData<Post>>(where(keys.userPosts(author.userId)), update);
  client.setQueriesData<FeedData<Post>>(where([...FOLLOWING_FEED, author.userId]), update);
}

/** One more or one fewer post on the author's profile header. */
function countChange(client: QueryClient, author: Author, by: number): void {
  client.setQueryData<UserProfile>(
    keys.profile(author.username),
    (profile) => profile && { ...profile, postCount: Math.max(0, profile.postCount + by) },
  );
}

/** Other profiles' Following feeds may hold the author's posts: read again when next shown. */
function staleElsewhere(client: QueryClient, author: Author): void {
  void client.invalidateQueries({
    queryKey: FOLLOWING_FEED,
    predicate: (query) => query.queryKey[1] !== author.userId,
    refetchType: 'none',
  });
  void client.invalidateQueries({ queryKey: TAGS });
}

/** A new post: on top of every feed that starts at the newest post; the author's count grows. */
export function addToFeeds(client: QueryClient, author: Author, post: Post): void {
  const row: TimelinePost = { ...post, username: author.username };
  eachFeed(client, author, (data) => withNewPost(data as FeedData<TimelinePost> | undefined, row), true);
  countChange(client, author, 1);
  staleElsewhere(client, author);
}

/** A deleted post: gone from every loaded page of every feed and search; one fewer on the count. */
export function removeFromFeeds(client: QueryClient, author: Author, postId: number): void {
  const gone: Update<Post> = (data) => withoutPost(data, postId);
  eachFeed(client, author, gone);
  client.setQueriesData<FeedData<Post>>({ queryKey: SEARCH }, gone);
  countChange(client, author, -1);
  staleElsewhere(client, author);
}

/** An edited post: its new body and edit time wherever it is loaded; search hits are read again. */
export function replaceInFeeds(client: QueryClient, author: Author, post: Post): void {
  eachFeed(client, author, (data) => withPostReplaced(data, post));
  void client.invalidateQueries({ queryKey: SEARCH });
  staleElsewhere(client, author);
}

/** A post put back by Undo: in its old place wherever that place is loaded; the count grows back. */
export function restoreInFeeds(client: QueryClient, author: Author, post: Post): void {
  const row: TimelinePost = { ...post, username: author.username };
  eachFeed(client, author, (data) => withPostRestored(data as FeedData<TimelinePost> | undefined, row));
  void client.invalidateQueries({ queryKey: SEARCH });
  countChange(client, author, 1);
  staleElsewhere(client, author);
}
