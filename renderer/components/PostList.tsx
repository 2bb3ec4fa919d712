import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { type FeedData, holdsTop } from '../api/feed-cache';
import { ESTIMATED_ROW, remember, useLayout } from './feed-memory';
import { PublishStatesProvider } from './publish-states';
import { Empty, ErrorState, Loading } from './States';
import { useTranslation } from '../i18n/index';

/** How many rows before either end of what is loaded the next page starts loading, so scrolling never waits. */
const PREFETCH_ROWS = 15;
/** Further above the loaded pages than this many screens, going back up page by page would read every page between: restart at the top. */
const FAR_SCREENS = 8;

/** A cursor-paged feed as TanStack Query gives it, paged both ways. */
export interface FeedQuery<T extends Post> {
  data: FeedData<T> | undefined;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  hasPreviousPage: boolean;
  isFetchingPreviousPage: boolean;
  fetchPreviousPage: () => unknown;
  refetch: () => unknown;
}

interface Props<T extends Post> {
  /** Names the feed for scroll restoration: its query key. */
  feedKey: string;
  query: FeedQuery<T>;
  /** Reads the newest page again and drops the rest: for a jump back to the top from far down. */
  restartAtTop: () => Promise<unknown>;
  /** `current`: this post is the feed's one Tab stop. */
  renderPost: (post: T, current: boolean) => ReactNode;
  label: string;
  emptyText?: string | undefined;
}

/**
 * A newest-first list that renders only the rows on screen (plus a few), measuring each row's
 * real height; it asks for the next cursor page as the end comes near, and for the previous one
 * when scrolled back up past the pages still in memory. Coming back to it restores the place.
 */
export function PostList<T extends Post>(props: Props<T>) {
  const { status, error, data, refetch } = props.query;
  const { t } = useTranslation();
  // A feed that starts over at its top (a post made far down, a jump back up) is a new list:
  // a fresh virtualizer at scroll 0 draws its first rows in the same frame.
  const top = data ? holdsTop(data) : true;
  const [restarts, setRestarts] = useState({ top, count: 0 });
  if (restarts.top !== top) setRestarts({ top, count: top ? restarts.count + 1 : restarts.count });
  if (status === 'pending') return <Loading label={t('posts.loading')} />;
  if (status === 'error') return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.pages.every((page) => page.items.length === 0))
    return <Empty>{props.emptyText ?? t('posts.empty')}</Empty>;
  return <VirtualPosts key={restarts.count} {...props} data={data} />;
}

function VirtualPosts<T extends Post>({
  feedKey,
  query,
  data,
  restartAtTop,
  renderPost,
  label,
}: Props<T> & { data: FeedData<T> }) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const { hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = query;
  const { t } = useTranslation();
  // The post that last had focus keeps the feed's Tab stop (roving focus).
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  const sizes = useRef<Map<unknown, number> | null>(null);
  // Rows are keyed by their place among the held posts, so the sizes kept stay as few as the rows held.
  const heightOf = useCallback((row: number) => sizes.current?.get(row) ?? ESTIMATED_ROW, []);
  const { layout, memory: kept } = useLayout(feedKey, data, heightOf);
  // Restored only onto the same stretch of the feed it was taken from.
  const [memory] = useState(() => (kept && kept.layout.pages[0] === layout.pages[0] ? kept : undefined));
  const posts = useMemo(() => data.pages.flatMap((page) => page.items), [data]);
  const pageOf = useMemo(
    () => data.pages.flatMap((page, n) => page.items.map(() => layout.pages[n] ?? '')),
    [data, layout],
  );
  const count = posts.length;

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: (index) => layout.unfolded[pageOf[index] ?? ''] ?? ESTIMATED_ROW,
    // The rows of the pages dropped in front: one empty stretch of their height above the held ones.
    paddingStart: layout.gap,
    overscan: 6,
    scrollMargin: offset,
    ...(memory && { initialMeasurementsCache: memory.measurements }),
  });
  useEffect(() => {
    sizes.current = virtualizer.itemSizeCache;
  }, [virtualizer]);
  const rows = virtualizer.getVirtualItems();
  const firstShown = rows[0]?.index ?? 0;
  // When that post has scrolled out of the rendered rows, the first rendered one takes the stop.
  const renderedIds = rows.map((row) => posts[row.index]?.id);
  const currentId = focusedId !== null && renderedIds.includes(focusedId) ? focusedId : renderedIds[0];
  const lastShown = rows.at(-1)?.index ?? 0;

  const latest = useRef({ layout, data });
  useEffect(() => {
    latest.current = { layout, data };
  }, [layout, data]);
  const scrollY = useRef(0);
  useLayoutEffect(() => {
    setOffset(listRef.current?.offsetTop ?? 0);
    const place = memory?.scrollY ?? 0;
    if (window.scrollY !== place) window.scrollTo(0, place);
    scrollY.current = window.scrollY;
    const onScroll = () => {
      scrollY.current = window.scrollY;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      const { layout: last, data: held } = latest.current;
      const measurements = virtualizer.measurementsCache;
      remember(feedKey, {
        layout: last,
        data: held as FeedData<Post>,
        scrollY: scrollY.current,
        measurements,
      });
    };
    // Once per mount: the place is restored when the screen opens and kept when it closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= count - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastShown, count, fetchNextPage]);

  const restarting = useRef(false);
  const above = layout.firstIndex > 0;
  const gapEnd = offset + layout.gap;
  useEffect(() => {
    if (!above || firstShown >= PREFETCH_ROWS || restarting.current) return;
    // Far up in the empty stretch (a jump, not a scroll): walking back page by page would read every page between.
    const far = gapEnd - window.scrollY > FAR_SCREENS * window.innerHeight;
    if (far) {
      restarting.current = true;
      void restartAtTop().finally(() => {
        restarting.current = false;
      });
    } else if (hasPreviousPage && !isFetchingPreviousPage) fetchPreviousPage();
  }, [above, gapEnd, firstShown, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage, restartAtTop]);

  return (
    <div
      ref={listRef}
      className="post-list"
      role="feed"
      aria-label={label}
      aria-busy={isFetchingNextPage || isFetchingPreviousPage}
      onFocus={(event) => {
        const id = event.target.closest('[data-post-id]')?.getAttribute('data-post-id');
        if (id) setFocusedId(Number(id));
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <PublishStatesProvider data={data} shownRows={rows.map((row) => row.index)}>
          {rows.map((row) => {
            const style = { transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` };
            const post = posts[row.index];
            if (!post) return null;
            return (
              <div
                key={row.key}
                data-index={row.index}
                data-row={layout.firstIndex + row.index}
                ref={virtualizer.measureElement}
                className="post-row"
                style={style}
              >
                {renderPost(post, post.id === currentId)}
              </div>
            );
          })}
        </PublishStatesProvider>
      </div>
      {isFetchingNextPage && <Loading label={t('posts.loadingMore')} />}
      {!hasNextPage && count > 10 && <p className="state end">{t('posts.end')}</p>}
    </div>
  );
}
