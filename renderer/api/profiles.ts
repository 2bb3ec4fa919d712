import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, User } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** Every query that shows a profile's name, picture or password badge: lists, pages, the session. */
async function refreshProfileViews(client: ReturnType<typeof useQueryClient>, user: User): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: keys.userLists }),
    client.invalidateQueries({ queryKey: ['users', 'profile'] }),
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
