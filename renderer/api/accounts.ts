import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { useAppEvent } from './data';

/** The key of a profile's account status (Settings → Accounts). */
export const accountKey = (userId: number) => ['accounts', userId] as const;

/** What the sign-in form sends; an absent `pdsUrl` lets main choose the server. */
export interface SignInInput {
  identifier: string;
  appPassword: string;
  pdsUrl?: string;
}

/**
 * The profile's link, its waiting writes and whether it must sign in again. The publisher's
 * `publishing:changed` reads it again (see publishing.ts), so the counts follow a drain; a
 * change from another connection comes as `db:changed`.
 */
export function useAccountStatus(userId: number) {
  const client = useQueryClient();
  useAppEvent('db:changed', () => void client.invalidateQueries({ queryKey: accountKey(userId) }));
  return useQuery({
    queryKey: accountKey(userId),
    queryFn: () => unwrap(microblog().accounts.get({ userId })),
  });
}

/** Signs in and links; main's answer is the new status, so the cache takes it as it is. */
export function useSignIn(userId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => unwrap(microblog().accounts.signIn({ userId, ...input })),
    onSuccess: (status: AccountStatus) => client.setQueryData(accountKey(userId), status),
  });
}

/** Unlinks; only the status changes (the posts stay, nothing else reads the link). */
export function useUnlink(userId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(microblog().accounts.unlink({ userId })),
    onSuccess: (status: AccountStatus) => client.setQueryData(accountKey(userId), status),
  });
}

/** Queues the posts from before the link; the status is read again for its new counts. */
export function usePublishEarlier(userId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(microblog().accounts.publishEarlier({ userId })),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKey(userId) }),
  });
}

/**
 * Brings the account's posts back from its repository. New posts land in every feed, profile
 * count and search, written by this very connection (so no `db:changed` follows): everything
 * but drafts is read again, as a change from outside would be.
 */
export function useImportPosts(userId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(microblog().accounts.import({ userId })),
    onSuccess: () => client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'drafts' }),
  });
}
