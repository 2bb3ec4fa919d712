import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Post } from '../../electron/ipc/contract';
import type { FeedData } from '../api/feed-cache';
import { type FeedWindow, nextWindow, recall, remember } from './feed-memory';
import { Empty, ErrorState, Loading } from './States';

/** How many rows before either end of what is loaded the next page starts loading, so scrolling never waits. */
const PREFETCH_ROWS = 15;
/** Further above the loaded pages than this, going back up page by page would read every page between: restart at the top. */
const FAR_ROWS = 100;

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
  renderPost: (post: T) => ReactNode;
  label: string;
}

/**
 * A newest-first list that renders only the rows on screen (plus a few), measuring each row's
 * real height; it asks for the next cursor page as the end comes near, and for the previous one
 * when scrolled back up past the pages still in memory. Coming back to it restores the place.
 */
export function PostList<T extends Post>(props: Props<T>) {
  const { status, error, data, refetch } = props.query;
  if (status === 'pending') return <Loading label="Loading posts…" />;
  if (status === 'error') return <ErrorState error={error} onRetry={refetch} />;
  if (!data || data.pages.every((page) => page.items.length === 0)) return <Empty>No posts yet.</Empty>;
  return <VirtualPosts {...props} data={data} />;
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
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // Derived from the previous render's window (React's pattern for state that follows a prop).
  const [tracked, setTracked] = useState(() => ({ data, window: nextWindow(recall(feedKey)?.window, data) }));
  let feedWindow = tracked.window;
  if (tracked.data !== data) {
    feedWindow = nextWindow(tracked.window, data);
    setTracked({ data, window: feedWindow });
  }
  const windowRef = useRef<FeedWindow>(feedWindow);
  useEffect(() => {
    windowRef.current = feedWindow;
  }, [feedWindow]);
  // Restored only onto the same stretch of the feed it was taken from.
  const [memory] = useState(() => {
    const kept = recall(feedKey);
    return kept && kept.window.pages[0] === tracked.window.pages[0] ? kept : undefined;
  });
  const posts = useMemo(() => data.pages.flatMap((page) => page.items), [data]);
  const first = feedWindow.firstIndex;
  const count = first + posts.length;

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => 96,
    overscan: 6,
    scrollMargin: offset,
    ...(memory && { initialMeasurementsCache: memory.measurements }),
  });
  const rows = virtualizer.getVirtualItems();
  const firstShown = rows[0]?.index ?? 0;
  const lastShown = rows.at(-1)?.index ?? 0;

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
      remember(feedKey, {
        window: windowRef.current,
        scrollY: scrollY.current,
        measurements: virtualizer.measurementsCache,
      });
    };
    // Once per mount: the place is restored when the screen opens and kept when it closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= count - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastShown, count, fetchNextPage]);

  const restarting = useRef(false);
  useEffect(() => {
    if (first === 0 || firstShown >= first + PREFETCH_ROWS || restarting.current) return;
    if (firstShown < first - FAR_ROWS || lastShown < first) {
      restarting.current = true;
      void restartAtTop().finally(() => {
        restarting.current = false;
      });
    } else if (hasPreviousPage && !isFetchingPreviousPage) fetchPreviousPage();
  }, [
    first,
    firstShown,
    lastShown,
    hasPreviousPage,
    isFetchingPreviousPage,
    fetchPreviousPage,
    restartAtTop,
  ]);

  return (
    <div
      ref={listRef}
      className="post-list"
      role="feed"
      aria-label={label}
      aria-busy={isFetchingNextPage || isFetchingPreviousPage}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const post = posts[row.index - first];
          const style = { transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` };
          // A row whose page is no longer in memory keeps its measured height until it is read again.
          if (!post) {
            return (
              <div
                key={row.key}
                className="post-row gap"
                style={{ ...style, height: row.size }}
                aria-hidden
              />
            );
          }
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="post-row"
              style={style}
            >
              {renderPost(post)}
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && <Loading label="Loading more posts…" />}
      {!hasNextPage && count > 10 && <p className="state end">You reached the first post.</p>}
    </div>
  );
}
