/**
 * The records the data layer hands out, as plain data. This module imports nothing, so the
 * IPC contract (and through it the renderer) can use these types without seeing Node's.
 */

/** A profile as the app shows it; the password hash never leaves this module. */
export interface User {
  id: number;
  username: string;
  /** The name shown above @username, in any script; null when none was given. */
  displayName: string | null;
  /** Optional: the offline app never sends mail. */
  email: string | null;
  hasPassword: boolean;
  /** True when the profile has a picture of its own (else a generated one is shown). */
  hasAvatar: boolean;
}

export interface NewUser {
  username: string;
  email?: string | null | undefined;
  password?: string | null | undefined;
  displayName?: string | null | undefined;
}

/** What a profile page shows beyond the user: about me and times (UTC ISO-8601, milliseconds). */
export interface ProfileDetails {
  aboutMe: string | null;
  lastSeen: string | null;
  createdAt: string;
}

/** The editable fields of a profile; an empty display name, about me or email means none. */
export interface ProfileEdit {
  username: string;
  displayName: string;
  aboutMe: string;
  email: string;
}

/** A stored profile picture and its type, from its first bytes. */
export interface AvatarImage {
  image: Uint8Array;
  type: 'image/png' | 'image/jpeg' | 'image/webp';
}

/** The directory's sort orders by username; the IPC schema is built from this list. */
export const USER_ORDERS = ['asc', 'desc'] as const;
export type UserOrder = (typeof USER_ORDERS)[number];

export interface UserListOptions {
  order?: UserOrder;
  /** Only usernames starting with this text (case-insensitive); `%` and `_` match themselves. */
  prefix?: string;
}

/** A stored post. `timestamp` is UTC ISO-8601 with milliseconds. */
export interface Post {
  id: number;
  body: string;
  timestamp: string;
  userId: number;
  /** When the body was last edited (UTC ISO-8601), or null if it never was. */
  editedAt: string | null;
}

/** An earlier version of an edited post: its body, and when that version was written. */
export interface PostRevision {
  body: string;
  writtenAt: string;
}

/** A post with its author's username, as the timeline shows it. */
export interface TimelinePost extends Post {
  username: string;
}

export interface NewPost {
  userId: number;
  body: string;
  /** For imports and the seed tool; defaults to now. */
  timestamp?: string;
}

/** A page of newest-first posts; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Where the posts newer than this page start (`direction: 'newer'`); null or absent on the first page. */
  prevCursor?: string | null;
}

/** Which side of the cursor a page is read from: older posts (scrolling down) or newer ones (back up). */
export const PAGE_DIRECTIONS = ['older', 'newer'] as const;
export type PageDirection = (typeof PAGE_DIRECTIONS)[number];

export interface PageOptions {
  cursor?: string | null | undefined;
  limit?: number;
  /** `older` (the default): the page after the cursor; `newer`: the page just before it, newest first still. */
  direction?: PageDirection | undefined;
}

/** A profile's unfinished post. */
export interface Draft {
  body: string;
  updatedAt: string;
}
