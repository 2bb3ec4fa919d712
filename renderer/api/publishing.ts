import {
  type Query,
  type QueryClient,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Post, PublishState } from '../../electron/ipc/contract';
import { accountKey } from './accounts';
import { microblog, unwrap } from './client';
import { useAppEvent } from './data';

/** Ids per `accounts:postStates` call, as its schema allows. */
const STATES_PER_CALL = 200;

/**
 * Query keys: one states query per page of a feed, named by the page's post ids and by the
 * profiles that wrote them, so an event about one profile reads again only the pages it is on.
 */
export const publishKeys = {
  states: ['publishStates'] as const,
  page: (postIds: readonly number[], userIds: readonly number[]) =>
    ['publishStates', postIds, userIds] as const,
  /** The same query Settings → Accounts reads, so a link or unlink there shows on the posts at once. */
  account: accountKey,
};

/** The post ids of one page and the profiles among their authors, in a stable order. */
function pageKey(posts: readonly Post[]) {
  const postIds = posts.map((post) => post.id);
  const userIds = [...new Set(posts.map((post) => post.userId))].sort((a, b) => a - b);
  return publishKeys.page(postIds, userIds);
}

type StateRows = { postId: number; state: PublishState }[];

/** The publish states on screen, by post id. */
export type PublishStates = Readonly<Record<number, PublishState>>;

/** Reads the states of one page of posts, in calls of at most 200 ids. */
async function readStates(postIds: readonly number[]): Promise<StateRows> {
  const calls: Promise<StateRows>[] = [];
  for (let at = 0; at < postIds.length; at += STATES_PER_CALL) {
    const chunk = postIds.slice(at, at + STATES_PER_CALL);
    calls.push(unwrap(microblog().accounts.postStates({ postIds: chunk })));
  }
  return (await Promise.all(calls)).flat();
}

/**
 * Every page's answer in one record. TanStack Query keeps the record it returned while the
 * answers are equal, so the posts on screen re-render only when a state really changed.
 */
function byPostId(results: { data?: StateRows | undefined }[]): PublishStates {
  return Object.fromEntries(
    results.flatMap((result) => result.data ?? []).map((row) => [row.postId, row.state]),
  );
}

/**
 * The publish state of every post on the given pages (the pages with rows on screen): one
 * query per page, kept until `publishing:changed` or another writer says it changed. A window
 * that cannot publish answers with an error: its posts then show no state.
 */
export function usePublishStates(pages: readonly (readonly Post[])[]): PublishStates {
  return useQueries({
    queries: pages.map((posts) => {
      const queryKey = pageKey(posts);
      return { queryKey, queryFn: () => readStates(queryKey[1]), staleTime: Infinity, retry: false };
    }),
    combine: byPostId,
  });
}

/** True for a cached states query that holds a post of one of these profiles. */
const holdsPostsOf = (userIds: readonly number[]) => (query: Query) =>
  (query.queryKey[2] as readonly number[] | undefined)?.some((id) => userIds.includes(id)) ?? false;

/** Reads again the states (and the account status) of these profiles' posts; only pages on screen are fetched now. */
function statesChanged(client: QueryClient, userIds: readonly number[]): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: publishKeys.states, predicate: holdsPostsOf(userIds) }),
    ...userIds.map((userId) => client.invalidateQueries({ queryKey: publishKeys.account(userId) })),
  ]);
}

/** Main says which profiles' posts changed publish state: only those states are read again, never a feed. */
export function usePublishingUpdates(): void {
  const client = useQueryClient();
  useAppEvent('publishing:changed', ({ userIds }) => void statesChanged(client, userIds));
}

/**
 * Whether the active profile is linked to an account: its posts not yet published then say
 * "Only on this computer". Only the active profile may ask; a window that cannot publish
 * answers with an error, which counts as not linked.
 */
export function useIsLinked(userId: number): boolean {
  const status = useQuery({
    queryKey: publishKeys.account(userId),
    queryFn: () => unwrap(microblog().accounts.get({ userId })),
    retry: false,
  });
  return Boolean(status.data?.linked);
}

/**
 * Sends a refused post again. Main clears its failure (it is queued again) and wakes the
 * publisher; the profile's states are read again here before the button stops being busy.
 */
export function useRetryPublish(userId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: number) => unwrap(microblog().accounts.retry({ userId, postId })),
    onSuccess: () => statesChanged(client, [userId]),
  });
}
