import { describe, expect, it } from 'vitest';
import type { Page, TimelinePost } from '../../electron/ipc/contract';
import {
  FIRST_PAGE,
  type FeedData,
  type FeedParam,
  withNewPost,
  withPostRestored,
  withoutPost,
} from '../../renderer/api/feed-cache';
import { type FeedLayout, nextLayout } from '../../renderer/components/feed-memory';

const post = (id: number): TimelinePost => ({
  id,
  body: `post ${id}`,
  userId: 1,
  username: 'ann',
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
  editedAt: null,
});
/** A page of posts `from` down to `from - size + 1`, newest first. */
const page = (from: number, size: number): Page<TimelinePost> => ({
  items: Array.from({ length: size }, (_, i) => post(from - i)),
  nextCursor: `c${from - size + 1}`,
  prevCursor: `p${from}`,
});
const older = (cursor: string): FeedParam => ({ cursor, direction: 'older' });
const ids = (data: FeedData<TimelinePost> | undefined) =>
  data?.pages.flatMap((p) => p.items.map((i) => i.id));

/** The feed with its newest page and `more` pages after it. */
function fromTop(more: number): FeedData<TimelinePost> {
  const pages = [page(100, 10)];
  const pageParams = [FIRST_PAGE];
  for (let i = 1; i <= more; i++) {
    pages.push(page(100 - i * 10, 10));
    pageParams.push(older(`c${100 - i * 10 + 1}`));
  }
  return { pages, pageParams };
}

describe('cache updates in place', () => {
  it('a new post goes in front of the newest page; every other page is the same object', () => {
    const data = fromTop(3);
    const next = withNewPost(data, post(101));
    expect(ids(next)?.slice(0, 3)).toEqual([101, 100, 99]);
    expect(next?.pages.slice(1)).toEqual(data.pages.slice(1));
    next?.pages.slice(1).forEach((p, i) => expect(p).toBe(data.pages[i + 1]));
    expect(next?.pageParams).toBe(data.pageParams);
  });

  it('far down (the newest page dropped), the feed starts over at the new post, paging on below it', () => {
    const deep: FeedData<TimelinePost> = { pages: [page(50, 10)], pageParams: [older('c51')] };
    const next = withNewPost(deep, post(101));
    expect(ids(next)).toEqual([101]);
    expect(next?.pageParams).toEqual([FIRST_PAGE]);
    expect(next?.pages[0]?.nextCursor).toBe(`${post(101).timestamp}_101`);
  });

  it('nothing cached stays nothing; the same post twice is one post', () => {
    expect(withNewPost(undefined, post(1))).toBeUndefined();
    const once = withNewPost(fromTop(0), post(101));
    expect(ids(withNewPost(once, post(101)))?.filter((id) => id === 101)).toEqual([101]);
  });

  it('a deleted post leaves every page it was on, and the pages keep their cursors', () => {
    const data = fromTop(2);
    const next = withoutPost(data, 85);
    expect(ids(next)).not.toContain(85);
    expect(ids(next)).toHaveLength(29);
    expect(next?.pages.map((p) => p.nextCursor)).toEqual(data.pages.map((p) => p.nextCursor));
    expect(withoutPost(data, 999)).toBe(data);
  });
});

describe('the stretch of the feed in memory', () => {
  const height = () => 70;
  const step = (
    previous: { layout: FeedLayout; data: FeedData<TimelinePost> },
    data: FeedData<TimelinePost>,
  ) => ({
    layout: nextLayout(previous, data, height),
    data,
  });

  it('pages dropped in front fold into one gap of their rows’ heights; read back, they unfold', () => {
    const top = fromTop(2);
    const start = { layout: nextLayout(undefined, top, height), data: top };
    expect(start.layout).toMatchObject({ firstIndex: 0, gap: 0 });
    // The newest page dropped (maxPages), one more read at the end.
    const down = step(start, {
      pages: [...top.pages.slice(1), page(70, 10)],
      pageParams: [...top.pageParams.slice(1), older('c71')],
    });
    expect(down.layout).toMatchObject({ firstIndex: 10, gap: 700 });
    const further = step(down, {
      pages: [page(80, 10), page(70, 10), page(60, 10)],
      pageParams: [older('c81'), older('c71'), older('c61')],
    });
    expect(further.layout).toMatchObject({ firstIndex: 20, gap: 1400 });
    // Scrolling back up reads the page before the first held one: its rows take back their height.
    const up = step(further, {
      pages: [page(90, 10), page(80, 10), page(70, 10)],
      pageParams: [{ cursor: 'p80', direction: 'newer' }, older('c81'), older('c71')],
    });
    expect(up.layout).toMatchObject({ firstIndex: 10, gap: 700 });
    expect(up.layout.unfolded['newer:p80']).toBe(70);
  });

  it('a feed restarted at its newest page has no gap', () => {
    const top = fromTop(2);
    const deep = step(
      { layout: nextLayout(undefined, top, height), data: top },
      { pages: [top.pages[2] as Page<TimelinePost>], pageParams: [older('c81')] },
    );
    expect(deep.layout).toMatchObject({ firstIndex: 20, gap: 1400 });
    expect(nextLayout(deep, fromTop(0), height)).toMatchObject({ firstIndex: 0, gap: 0, folded: [] });
  });
});

describe('Undo puts a post back in its place', () => {
  it('into the loaded page it belongs to, in order, the other pages untouched', () => {
    const data = fromTop(2);
    const without = {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== 85) })),
    };
    const back = withPostRestored(without, post(85));
    expect(ids(back)).toEqual(ids(data));
    expect(back?.pages[0]).toBe(without.pages[0]);
  });

  it('above the newest page only when the feed holds its top; outside what is loaded, nothing changes', () => {
    const top = withPostRestored(fromTop(1), post(101));
    expect(ids(top)?.[0]).toBe(101);
    const deep: FeedData<TimelinePost> = { pages: [page(50, 10)], pageParams: [older('c51')] };
    expect(ids(withPostRestored(deep, post(70)))).toEqual(ids(deep));
    expect(ids(withPostRestored(deep, post(20)))).toEqual(ids(deep));
  });

  it('back into a feed its delete emptied', () => {
    const empty: FeedData<TimelinePost> = {
      pages: [{ items: [], nextCursor: null, prevCursor: null }],
      pageParams: [FIRST_PAGE],
    };
    expect(ids(withPostRestored(empty, post(7)))).toEqual([7]);
  });

  it('a post already there is not added twice', () => {
    const data = fromTop(1);
    expect(withPostRestored(data, post(95))).toBe(data);
  });
});
