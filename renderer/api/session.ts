import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** The active profile (persisted in main) and whether it still needs its password. */
export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: () => unwrap(microblog().session.get({})) });
}

/** Makes a profile active; fails with PROFILE_LOCKED when its password is needed first. */
export function useActivate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => unwrap(microblog().session.activate({ userId })),
    onSuccess: (session: Session) => client.setQueryData(keys.session, session),
  });
}

/** Checks a profile's password in main and makes it active. */
export function useUnlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: number; password: string }) => unwrap(microblog().users.unlock(input)),
    onSuccess: (session: Session) => client.setQueryData(keys.session, session),
  });
}
