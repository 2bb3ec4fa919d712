import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserOrder } from '../../electron/ipc/contract';
import { useBefore } from '../app/router';
import { microblog, unwrap } from './client';
import { PAGE_SIZE, startBefore } from './posts';

/** Query keys of follows, the feed, search and the directory. */
export const searchKeys = {
  follows: ['follows'] as const,
  status: (followerId: number, followedId: number) => ['follows', 'status', followerId, followedId] as const,
  feed: ['feed'] as const,
  search: (query: string, before: string | null) => ['search', query, before] as const,
  directory: ['directory'] as const,
  directoryList: (text: string, order: UserOrder, viewerId: number) =>
    ['directory', text, order, viewerId] as const,
  profiles: ['users', 'profile'] as const,
};

/** Your own posts and those of everyone you follow, newest first, paged like the timeline. */
export function useFollowingFeed(userId: number) {
  const before = useBefore();
  return useInfiniteQuery({
    queryKey: [...searchKeys.feed, userId, before],
    queryFn: ({ pageParam }) =>
      unwrap(microblog().feed.following({ userId, cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: startBefore(before),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Posts matching the search box's text, newest first (or from the "Older than…" day). */
export function useSearch(query: string) {
  const before = useBefore();
  return useInfiniteQuery({
    queryKey: searchKeys.search(query, before),
    queryFn: ({ pageParam }) =>
      unwrap(microblog().search.posts({ query, cursor: pageParam, limit: PAGE_SIZE })),
    initialPageParam: startBefore(before),
    getNextPageParam: (page) => page.nextCursor,
    enabled: query.trim() !== '',
  });
}

/** The directory: profiles whose username or email contains `text`, in natural order. */
export function useDirectory(text: string, order: UserOrder, viewerId: number) {
  return useQuery({
    queryKey: searchKeys.directoryList(text, order, viewerId),
    queryFn: () =>
      unwrap(microblog().search.users(text === '' ? { order, viewerId } : { text, order, viewerId })),
    placeholderData: (previous) => previous,
  });
}

/** Whether `followerId` follows `followedId`. */
export function useFollowStatus(followerId: number, followedId: number) {
  return useQuery({
    queryKey: searchKeys.status(followerId, followedId),
    queryFn: () => unwrap(microblog().follows.status({ followerId, followedId })),
  });
}

/**
 * Follows or unfollows. Invalidates what a follow changes: the status, both profiles' counts
 * (every profile page), the Following feed and the directory's "Following" marks.
 */
export function useSetFollowing(followerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ followedId, follow }: { followedId: number; follow: boolean }) =>
      unwrap(
        follow
          ? microblog().follows.add({ followerId, followedId })
          : microblog().follows.remove({ followerId, followedId }),
      ),
    onSuccess: (result, { followedId }) => {
      client.setQueryData(searchKeys.status(followerId, followedId), result);
      return Promise.all([
        client.invalidateQueries({ queryKey: searchKeys.follows }),
        client.invalidateQueries({ queryKey: searchKeys.profiles }),
        client.invalidateQueries({ queryKey: searchKeys.feed }),
        client.invalidateQueries({ queryKey: searchKeys.directory }),
      ]);
    },
  });
}
