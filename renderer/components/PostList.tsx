import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Post } from '../../electron/ipc/contract';
import { Empty, ErrorState, Loading } from './States';
import { useTranslation } from '../i18n/index';

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
  /** `current`: this post is the feed's one Tab stop. */
  renderPost: (post: T, current: boolean) => ReactNode;
  label: string;
  emptyText?: string | undefined;
}

/**
 * A newest-first list that renders only the rows on screen (plus a few), measuring each row's
 * real height, and asks for the next cursor page as the end comes near.
 */
export function PostList<T extends Post>(props: Props<T>) {
  const { posts, status, error, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = props;
  const { t } = useTranslation();
  if (status === 'pending') return <Loading label={t('posts.loading')} />;
  if (status === 'error') return <ErrorState error={error} onRetry={refetch} />;
  if (!posts || posts.length === 0) return <Empty>{props.emptyText ?? t('posts.empty')}</Empty>;
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
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  // The post that last had focus keeps the feed's Tab stop (roving focus).
  const [focusedId, setFocusedId] = useState<number | null>(null);
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
  // When that post has scrolled out of the rendered rows, the first rendered one takes the stop.
  const renderedIds = rows.map((row) => posts[row.index]?.id);
  const currentId = focusedId !== null && renderedIds.includes(focusedId) ? focusedId : renderedIds[0];

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= posts.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, posts.length, fetchNextPage]);

  return (
    <div
      ref={listRef}
      className="post-list"
      role="feed"
      aria-label={label}
      aria-busy={isFetchingNextPage}
      onFocus={(event) => {
        const id = event.target.closest('[data-post-id]')?.getAttribute('data-post-id');
        if (id) setFocusedId(Number(id));
      }}
    >
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
              {renderPost(post, post.id === currentId)}
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && <Loading label={t('posts.loadingMore')} />}
      {!hasNextPage && posts.length > 10 && <p className="state end">{t('posts.end')}</p>}
    </div>
  );
}
