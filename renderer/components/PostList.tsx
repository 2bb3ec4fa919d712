import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { Empty, ErrorState, Loading } from './States';

/** How many rows before the end the next page starts loading, so scrolling never waits. */
const PREFETCH_ROWS = 15;

interface Props<T extends Post> {
  posts: T[] | undefined;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
  renderPost: (post: T) => ReactNode;
  label: string;
  emptyText?: string | undefined;
}

/**
 * A newest-first list that renders only the rows on screen (plus a few), measuring each row's
 * real height, and asks for the next cursor page as the end comes near.
 */
export function PostList<T extends Post>(props: Props<T>) {
  const { posts, status, error, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = props;
  if (status === 'pending') return <Loading label="Loading posts…" />;
  if (status === 'error') return <ErrorState error={error} onRetry={refetch} />;
  if (!posts || posts.length === 0) return <Empty>{props.emptyText ?? 'No posts yet.'}</Empty>;
  return (
    <VirtualPosts
      posts={posts}
      hasNextPage={hasNextPage}
      isFetchingNextPage={isFetchingNextPage}
      fetchNextPage={fetchNextPage}
      renderPost={props.renderPost}
      label={props.label}
    />
  );
}

type VirtualProps<T extends Post> = Pick<
  Props<T>,
  'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'renderPost' | 'label'
> & { posts: T[] };

function VirtualPosts<T extends Post>({
  posts,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  renderPost,
  label,
}: VirtualProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(listRef.current?.offsetTop ?? 0);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: posts.length,
    estimateSize: () => 96,
    overscan: 6,
    scrollMargin: offset,
    getItemKey: (index) => posts[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= posts.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, posts.length, fetchNextPage]);

  return (
    <div ref={listRef} className="post-list" role="feed" aria-label={label} aria-busy={isFetchingNextPage}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const post = posts[row.index];
          if (!post) return null;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="post-row"
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              {renderPost(post)}
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && <Loading label="Loading more posts…" />}
      {!hasNextPage && posts.length > 10 && <p className="state end">You reached the first post.</p>}
    </div>
  );
}
