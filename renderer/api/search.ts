import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SearchHit, TimelinePost, UserOrder } from '../../electron/ipc/contract';
import { useBefore } from '../app/router';
import { microblog, unwrap } from './client';
import { type FeedSource, PAGE_SIZE, feedStart } from './posts';

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
export function followingSource(userId: number, before: string | null): FeedSource<TimelinePost> {
  return {
    queryKey: [...searchKeys.feed, userId, before],
    start: feedStart(before),
    read: (param) => unwrap(microblog().feed.following({ userId, ...param, limit: PAGE_SIZE })),
    pagesBothWays: true,
  };
}

/** The Following feed's source for the screen's "Older than…" day, stable across renders. */
export function useFollowingSource(userId: number): FeedSource<TimelinePost> {
  const before = useBefore();
  return useMemo(() => followingSource(userId, before), [userId, before]);
}

/** Posts matching the search box's text, newest first (or from the "Older than…" day). */
export function useSearchSource(query: string): FeedSource<SearchHit> {
  const before = useBefore();
  return useMemo(
    () => ({
      queryKey: searchKeys.search(query, before),
      start: feedStart(before),
      read: ({ cursor }) => unwrap(microblog().search.posts({ query, cursor, limit: PAGE_SIZE })),
      pagesBothWays: false,
    }),
    [query, before],
  );
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
