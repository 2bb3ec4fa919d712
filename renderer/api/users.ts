import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserOrder } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { announcePostingAs } from '../app/posting-as';
import { keys } from './keys';

/** Profiles by username, optionally only those starting with `prefix` (filtered in main). */
export function useUsers(order: UserOrder = 'asc', prefix = '', options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.userList(order, prefix),
    enabled: options.enabled ?? true,
    queryFn: () => unwrap(microblog().users.list(prefix === '' ? { order } : { order, prefix })),
    placeholderData: (previous) => previous,
  });
}

/** A profile page's header: the profile and its post count. */
export function useProfile(username: string) {
  return useQuery({
    queryKey: keys.profile(username),
    queryFn: () => unwrap(microblog().users.get({ username })),
    retry: false,
  });
}

export interface NewProfile {
  username: string;
  /** Empty: no email. */
  email: string;
  password: string | null;
}

/** Creates a profile and makes it the active one. */
export function useCreateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewProfile): Promise<User> => {
      const user = await unwrap(microblog().users.create(input));
      // Main trusts whoever just chose the password, so activating needs no second prompt.
      client.setQueryData(keys.session, await unwrap(microblog().session.activate({ userId: user.id })));
      announcePostingAs(user);
      return user;
    },
    // A new profile changes the directory, not any profile page.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.userLists }),
  });
}

/** Deletes a profile and all its posts. */
export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: number; password?: string }) => unwrap(microblog().users.delete(input)),
    onSuccess: async (_result, { userId }) => {
      client.removeQueries({ queryKey: keys.userPosts(userId) });
      client.removeQueries({ queryKey: keys.draft(userId) });
      await Promise.all([
        // Not the profile pages: refetching the one on screen would flash "no such profile".
        client.invalidateQueries({ queryKey: keys.userLists }),
        client.invalidateQueries({ queryKey: keys.timeline }),
        client.invalidateQueries({ queryKey: keys.session }),
        // Whether any profile is left decides between the welcome screen and choosing a profile.
        client.invalidateQueries({ queryKey: keys.firstScreen }),
      ]);
    },
  });
}
