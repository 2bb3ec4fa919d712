import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Post, PublishState } from '../../electron/ipc/contract';
import type { FeedData } from '../api/feed-cache';
import { type PublishStates, usePublishStates } from '../api/publishing';

const PublishStatesContext = createContext<PublishStates>({});

/**
 * The publish states of the pages that have rows on screen, for the posts below it: however
 * far a feed is scrolled, only the one or two pages in view are asked for.
 */
export function PublishStatesProvider<T extends Post>({
  data,
  shownRows,
  children,
}: {
  data: FeedData<T>;
  /** Indexes (among the held posts) of the rows rendered now. */
  shownRows: readonly number[];
  children: ReactNode;
}) {
  const pageOfRow = useMemo(() => data.pages.flatMap((page, n) => page.items.map(() => n)), [data]);
  const shownPages = [...new Set(shownRows.map((row) => pageOfRow[row]))].flatMap((n) =>
    n === undefined ? [] : [data.pages[n]?.items ?? []],
  );
  const states = usePublishStates(shownPages);
  return <PublishStatesContext.Provider value={states}>{children}</PublishStatesContext.Provider>;
}

/** This post's publish state, once main has answered for its page (undefined until then, or outside a feed). */
export function usePostPublishState(postId: number): PublishState | undefined {
  return useContext(PublishStatesContext)[postId];
}
