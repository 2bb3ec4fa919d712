/**
 * The records of follows, the Following feed and search, as plain data. Imports nothing, so
 * the IPC contract (and through it the renderer) can use these types.
 */

/** One row of a followers or following list: the profile and when the follow began. */
export interface FollowEntry {
  id: number;
  username: string;
  /** When the follow began, UTC ISO-8601. */
  since: string;
}

/** How many profiles follow this one, and how many it follows. */
export interface FollowCounts {
  followers: number;
  following: number;
}

/** A directory row: the profile, and whether the profile asking follows it. */
export interface DirectoryUser {
  id: number;
  username: string;
  email: string;
  hasPassword: boolean;
  followed: boolean;
}

/** A search hit: a timeline post and the UTF-16 ranges `[start, end)` of its body that matched. */
export interface SearchHit {
  id: number;
  body: string;
  timestamp: string;
  userId: number;
  /** When the post was last edited, or null. */
  editedAt: string | null;
  username: string;
  highlights: [number, number][];
}
