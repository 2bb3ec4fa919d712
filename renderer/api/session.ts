import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session, User } from '../../electron/ipc/contract';
import { errorMessage, hasCode, microblog, unwrap } from './client';
import { announcePostingAs } from '../app/posting-as';
import { keys } from './keys';

/**
 * The active profile (persisted in main) and whether it still needs its password. At startup
 * `app:firstScreen` fills it, so the app passes `enabled` only once that call has answered.
 */
export function useSession(enabled = true) {
  return useQuery({ queryKey: keys.session, queryFn: () => unwrap(microblog().session.get({})), enabled });
}

/** Makes a profile active; fails with PROFILE_LOCKED when its password is needed first. */
export function useActivate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => unwrap(microblog().session.activate({ userId })),
    onSuccess: (session: Session) => {
      client.setQueryData(keys.session, session);
      if (session.activeUser) announcePostingAs(session.activeUser);
    },
  });
}

/** Checks a profile's password in main and makes it active. */
export function useUnlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: number; password: string }) => unwrap(microblog().session.unlock(input)),
    onSuccess: (session: Session) => {
      client.setQueryData(keys.session, session);
      if (session.activeUser) announcePostingAs(session.activeUser);
    },
  });
}

/**
 * Switching profiles: `choose` asks main to make a profile active; when main answers
 * PROFILE_LOCKED, that profile becomes `unlocking` (ask for its password). `error` is any
 * other failure, as a sentence.
 */
export function useChooseProfile(initiallyUnlocking: User | null = null) {
  const activate = useActivate();
  const [unlocking, setUnlocking] = useState<User | null>(initiallyUnlocking);
  const choose = (user: User) =>
    activate.mutate(user.id, {
      onError: (error) => {
        if (hasCode(error, 'PROFILE_LOCKED')) setUnlocking(user);
      },
    });
  const error =
    activate.isError && !hasCode(activate.error, 'PROFILE_LOCKED') ? errorMessage(activate.error) : null;
  return { choose, unlocking, setUnlocking, error };
}
