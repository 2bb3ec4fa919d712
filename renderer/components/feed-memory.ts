import type { VirtualItem } from '@tanstack/react-virtual';
import type { Page, Post } from '../../electron/ipc/contract';
import type { FeedData, FeedParam } from '../api/feed-cache';

/**
 * Which stretch of the whole feed is in memory. The cache keeps at most a few pages, so the
 * first one held may be hundreds of posts down: `firstIndex` is that page's position in the
 * feed, so rows keep their place in the list while pages come and go at either end.
 */
export interface FeedWindow {
  /** The pages held, each named by where it was read from. */
  pages: string[];
  /** How many posts each page held. */
  lengths: number[];
  firstIndex: number;
}

const paramKey = (param: FeedParam): string => `${param.direction}:${param.cursor ?? ''}`;
const sum = (values: number[]): number => values.reduce((total, n) => total + n, 0);

/** The window after the cache changed from `previous` to `data`: pages added or dropped at the front shift it. */
export function nextWindow<T extends Post>(previous: FeedWindow | undefined, data: FeedData<T>): FeedWindow {
  const pages = data.pageParams.map(paramKey);
  const lengths = data.pages.map((page: Page<T>) => page.items.length);
  const window = (firstIndex: number): FeedWindow => ({
    pages,
    lengths,
    firstIndex: Math.max(0, firstIndex),
  });
  const first = data.pageParams[0];
  if (!previous || !first || first.cursor === null) return window(0);
  if (previous.pages[0] === pages[0]) return window(previous.firstIndex);
  const added = pages.indexOf(previous.pages[0] ?? '');
  if (added > 0) return window(previous.firstIndex - sum(lengths.slice(0, added)));
  const dropped = previous.pages.indexOf(pages[0] ?? '');
  if (dropped > 0) return window(previous.firstIndex + sum(previous.lengths.slice(0, dropped)));
  return window(0);
}

/** What a feed leaves behind when its screen closes, so coming back puts the reader where they were. */
export interface FeedMemory {
  window: FeedWindow;
  scrollY: number;
  /** The rows' measured heights, so the list is as tall as before and scrollY lands on the same post. */
  measurements: VirtualItem[];
}

const memories = new Map<string, FeedMemory>();

/** The memory of the feed with this cache key, if it was shown before. */
export function recall(feedKey: string): FeedMemory | undefined {
  return memories.get(feedKey);
}

/** Keeps (or, with undefined, forgets) what the feed with this key looked like. */
export function remember(feedKey: string, memory: FeedMemory | undefined): void {
  if (memory) memories.set(feedKey, memory);
  else memories.delete(feedKey);
}
