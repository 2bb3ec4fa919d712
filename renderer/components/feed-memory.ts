import type { VirtualItem } from '@tanstack/react-virtual';
import { useState } from 'react';
import type { Post } from '../../electron/ipc/contract';
import type { FeedData, FeedParam } from '../api/feed-cache';

/** A row's height before it is measured, in pixels. */
export const ESTIMATED_ROW = 96;

/**
 * Which stretch of the whole feed is in memory, and what stands for the rest above it. The
 * cache keeps a few pages only; the rows of the pages dropped in front are folded into one
 * empty box of their measured height (`gap`), so everything below stays where it was, and
 * memory holds nothing per dropped row. Coming back up unfolds them page by page.
 */
export interface FeedLayout {
  /** The pages held, each named by where it was read from, and how many posts each held. */
  pages: string[];
  lengths: number[];
  /** The first held post's position in the whole feed. */
  firstIndex: number;
  /** The height of the rows above it, in pixels. */
  gap: number;
  /** Each page folded into the gap (posts, height), the one nearest the held pages last. */
  folded: { count: number; height: number }[];
  /** Rows read back into a page that was folded: their height until measured (that page's average). */
  unfolded: Record<string, number>;
}

const paramKey = (param: FeedParam): string => `${param.direction}:${param.cursor ?? ''}`;
const sum = (values: number[]): number => values.reduce((total, n) => total + n, 0);

/** The layout of a feed starting at its top. */
function atTop<T extends Post>(data: FeedData<T>): FeedLayout {
  const lengths = data.pages.map((page) => page.items.length);
  return {
    pages: data.pageParams.map(paramKey),
    lengths,
    firstIndex: 0,
    gap: 0,
    folded: [],
    unfolded: {},
  };
}

/**
 * The layout after the cache changed from `previous` (over `before`) to `data`: pages dropped in
 * front fold into the gap with their rows' heights (`heightOf` the row at that place in the list
 * before), pages read back in front unfold.
 */
export function nextLayout<T extends Post>(
  previous: { layout: FeedLayout; data: FeedData<T> } | undefined,
  data: FeedData<T>,
  heightOf: (row: number) => number,
): FeedLayout {
  const fresh = atTop(data);
  const first = data.pageParams[0];
  if (!previous || !first || first.cursor === null) return fresh;
  const { layout, data: before } = previous;
  const same = { ...layout, pages: fresh.pages, lengths: fresh.lengths };
  if (layout.pages[0] === fresh.pages[0]) return same;

  const added = fresh.pages.indexOf(layout.pages[0] ?? '');
  if (added > 0) {
    const folded = [...layout.folded];
    const unfolded: Record<string, number> = {};
    let gap = layout.gap;
    for (let i = added - 1; i >= 0; i--) {
      const back = folded.pop();
      const count = fresh.lengths[i] ?? 0;
      const height = back && back.count === count ? back.height : count * ESTIMATED_ROW;
      gap -= height;
      if (count > 0) unfolded[fresh.pages[i] ?? ''] = height / count;
    }
    const firstIndex = layout.firstIndex - sum(fresh.lengths.slice(0, added));
    return { ...same, firstIndex: Math.max(0, firstIndex), gap: Math.max(0, gap), folded, unfolded };
  }

  const dropped = layout.pages.indexOf(fresh.pages[0] ?? '');
  if (dropped > 0) {
    const folded = [...layout.folded];
    let gap = layout.gap;
    let row = 0;
    for (const page of before.pages.slice(0, dropped)) {
      const height = sum(page.items.map(() => heightOf(row++)));
      folded.push({ count: page.items.length, height });
      gap += height;
    }
    const firstIndex = layout.firstIndex + sum(layout.lengths.slice(0, dropped));
    return { ...same, firstIndex, gap, folded };
  }
  return fresh;
}

/** What a feed leaves behind when its screen closes, so coming back puts the reader where they were. */
export interface FeedMemory {
  layout: FeedLayout;
  data: FeedData<Post>;
  scrollY: number;
  /** The held rows' measured heights, so the list is as tall as before and scrollY lands on the same post. */
  measurements: VirtualItem[];
}

const memories = new Map<string, FeedMemory>();

/** The memory of the feed with this cache key, if it was shown before. */
export function recall(feedKey: string): FeedMemory | undefined {
  return memories.get(feedKey);
}

/** Keeps what the feed with this key looked like. */
export function remember(feedKey: string, memory: FeedMemory): void {
  memories.set(feedKey, memory);
}

/** The layout kept from the last render, recomputed when the cache changes (React's pattern for state that follows a prop). */
export function useLayout<T extends Post>(
  feedKey: string,
  data: FeedData<T>,
  heightOf: (row: number) => number,
) {
  const [tracked, setTracked] = useState(() => {
    const kept = recall(feedKey) as FeedMemory | undefined;
    const previous = kept && { layout: kept.layout, data: kept.data as FeedData<T> };
    return { data, layout: nextLayout(previous, data, heightOf), memory: kept };
  });
  if (tracked.data === data) return tracked;
  const next = { data, layout: nextLayout(tracked, data, heightOf), memory: tracked.memory };
  setTracked(next);
  return next;
}
