import type { InfiniteData } from '@tanstack/react-query';
import { encodeCursor, type Page, type PageDirection, type Post } from '../../electron/ipc/contract';

/** Where a cached page was read from: the cursor and the side of it. */
export interface FeedParam {
  cursor: string | null;
  direction: PageDirection;
}

/** A feed as TanStack Query caches it: the pages kept in memory and where each was read from. */
export type FeedData<T extends Post> = InfiniteData<Page<T>, FeedParam>;

/** The newest page: the one a fresh feed starts with. */
export const FIRST_PAGE: FeedParam = { cursor: null, direction: 'older' };

/** True when the cached feed still holds its newest page (the top of the list). */
export function holdsTop<T extends Post>(data: FeedData<T>): boolean {
  const first = data.pageParams[0];
  return first !== undefined && first.cursor === null;
}

/** The feed as a single first page: `items`, then everything older than the last of them. */
export function feedStartingWith<T extends Post>(items: T[]): FeedData<T> {
  const last = items.at(-1);
  return {
    pages: [{ items, nextCursor: last ? encodeCursor(last) : null, prevCursor: null }],
    pageParams: [FIRST_PAGE],
  };
}

/**
 * A new post on top of a cached feed, at a cost that does not depend on how much is loaded:
 * put in front of the newest page when that page is in memory, otherwise the feed starts over
 * at the new post (older ones load as the list is scrolled). Nothing cached: nothing to do.
 */
export function withNewPost<T extends Post>(data: FeedData<T> | undefined, post: T): FeedData<T> | undefined {
  if (!data) return data;
  if (!holdsTop(data)) return feedStartingWith([post]);
  const [first, ...rest] = data.pages;
  if (!first) return feedStartingWith([post]);
  if (first.items.some((item) => item.id === post.id)) return data;
  return { ...data, pages: [{ ...first, items: [post, ...first.items] }, ...rest] };
}

/** The cached feed without one post; the pages keep their cursors, so paging on is unchanged. */
export function withoutPost<T extends Post>(
  data: FeedData<T> | undefined,
  postId: number,
): FeedData<T> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = page.items.filter((item) => item.id !== postId);
    if (items.length === page.items.length) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** The cached feed with one post replaced by its new version (an edit), wherever it is loaded. */
export function withPostReplaced<T extends Post>(
  data: FeedData<T> | undefined,
  post: Partial<T> & Pick<T, 'id'>,
): FeedData<T> | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.items.some((item) => item.id === post.id)
        ? { ...page, items: page.items.map((item) => (item.id === post.id ? { ...item, ...post } : item)) }
        : page,
    ),
  };
}

/** Newest first on (timestamp, id), as main orders every feed. */
function isNewer(a: Post, b: Post): boolean {
  return a.timestamp === b.timestamp ? a.id > b.id : a.timestamp > b.timestamp;
}

/**
 * A post put back (an Undo) into the loaded page where it belongs by time, so it reappears in
 * its old place; outside the loaded stretch nothing changes, and paging there reads it from main.
 */
export function withPostRestored<T extends Post>(
  data: FeedData<T> | undefined,
  post: T,
): FeedData<T> | undefined {
  if (!data || data.pages.some((page) => page.items.some((item) => item.id === post.id))) return data;
  const atTop = holdsTop(data);
  const pages = data.pages.map((page, n) => {
    const first = page.items[0];
    const last = page.items.at(-1);
    // An emptied newest page (its only post was the one deleted) takes it back too.
    const fitsAbove = n === 0 && atTop && (!first || isNewer(post, first));
    const fitsInside = !!first && !!last && !isNewer(post, first) && isNewer(post, last);
    if (!fitsAbove && !fitsInside) return page;
    const at = page.items.findIndex((item) => isNewer(post, item));
    const items = [...page.items];
    items.splice(at === -1 ? items.length : at, 0, post);
    return { ...page, items };
  });
  return { ...data, pages };
}
