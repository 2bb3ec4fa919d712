import type { UserOrder } from '../../electron/ipc/contract';

/** Query keys in one place, so every mutation invalidates exactly what it changed. */
export const keys = {
  session: ['session'] as const,
  /** The one call the first screen is read with (`app:firstScreen`). */
  firstScreen: ['app', 'firstScreen'] as const,
  /** Every users-directory listing, whatever its order and filter. */
  userLists: ['users', 'list'] as const,
  userList: (order: UserOrder, prefix: string) => ['users', 'list', order, prefix] as const,
  profile: (username: string) => ['users', 'profile', username] as const,
  timeline: ['posts', 'timeline'] as const,
  userPosts: (userId: number) => ['posts', 'byUser', userId] as const,
  draft: (userId: number) => ['drafts', userId] as const,
  settings: ['settings'] as const,
  avatar: (userId: number) => ['users', 'avatar', userId] as const,
};
