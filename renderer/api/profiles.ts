import { type Query, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, User, UserProfile } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** A page of this profile cached under the name it had before a rename. */
const underOldName = (user: User) => (query: Query) =>
  (query.state.data as UserProfile | undefined)?.id === user.id && query.queryKey[2] !== user.username;

/** Every query that shows a profile's name, picture or password badge: lists, pages, the session. */
async function refreshProfileViews(client: ReturnType<typeof useQueryClient>, user: User): Promise<void> {
  const stale = underOldName(user);
  await Promise.all([
    client.invalidateQueries({ queryKey: keys.userLists }),
    client.invalidateQueries({ queryKey: ['users', 'profile'], predicate: (query) => !stale(query) }),
    // Refetched now, the page under the old name would answer "no such profile" and unmount the
    // form before it moves to the new name: it is only marked stale.
    client.invalidateQueries({ queryKey: ['users', 'profile'], predicate: stale, refetchType: 'none' }),
    client.invalidateQueries({ queryKey: keys.session }),
    // The timeline shows the username of each post: a rename changes it.
    client.invalidateQueries({ queryKey: keys.timeline }),
    client.invalidateQueries({ queryKey: keys.avatar(user.id) }),
  ]);
}

/** Saves the edit-profile form (username, display name, about me, email) in one call. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'users:update'>) => unwrap(microblog().users.update(input)),
    onSuccess: (user) => refreshProfileViews(client, user),
  });
}

/** Sets, changes or removes the password; main asks for the current one to change or remove it. */
export function useSetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'users:setPassword'>) => unwrap(microblog().users.setPassword(input)),
    // The "Password" badge in lists and the session's user change; nothing else does.
    onSuccess: (user) => refreshProfileViews(client, user),
  });
}

/** Stores a picture (already decoded and resized here); main checks its size and type again. */
export function useSetAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'users:setAvatar'>) => unwrap(microblog().users.setAvatar(input)),
    onSuccess: (user) => refreshProfileViews(client, user),
  });
}

/** Goes back to the generated picture. */
export function useRemoveAvatar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => unwrap(microblog().users.removeAvatar({ userId })),
    onSuccess: (user) => refreshProfileViews(client, user),
  });
}

/** A profile's own picture as a data: URL, fetched only for profiles that have one. */
export function useAvatarUrl(userId: number, hasAvatar: boolean) {
  return useQuery({
    queryKey: keys.avatar(userId),
    queryFn: () => unwrap(microblog().users.avatar({ userId })),
    enabled: hasAvatar,
    staleTime: Infinity,
  });
}
