/**
 * The IPC contract between the renderer and the main process: every channel, its input
 * schema and its result type, in one place. Main validates every payload with these schemas;
 * the preload builds `window.microblog` from the same channel list; the renderer imports the
 * types (and, for its forms, the schemas: they are pure zod and run in the browser too).
 *
 * Nothing here may import Node or Electron.
 */
import { z } from 'zod';
import type { ErrorCode } from '../db/errors';
import type { FollowCounts } from '../db/social-models';
import { dataChannels } from './channels/data-screen';
import {
  USER_ORDERS,
  type Draft,
  type Page,
  type Post,
  type PostRevision,
  type ProfileDetails,
  type TimelinePost,
  type User,
} from '../db/models';
import {
  DRAFT_CEILING,
  DRAFT_MAX,
  EMAIL_MAX,
  PASSWORD_MAX,
  USERNAME_MAX,
  brokenTextSentence,
  ceilingSentence,
  countCodePoints,
  countGraphemes,
  isWellFormed,
  tooLongSentence,
} from '../db/rules';
import { accountChannels } from './channels/accounts';
import { say } from '../db/sentences';
import { settingsChannels } from './channels/settings';

import { linkChannels } from './channels/links';
import { optionalEmailSchema, profileChannels } from './channels/profiles';
import { postChannels } from './channels/posts';
import { searchChannels } from './channels/search';
import { firstScreenChannels } from './channels/first-screen';
import { bodySchema, channel, cursor, direction, id, key, limit, text } from './channels/schema-kit';

export type { Draft, Page, Post, PostRevision, TimelinePost, User };
export type { DirectoryUser, FollowCounts, FollowEntry, SearchHit } from '../db/social-models';
export { cursorBefore } from '../db/cursor';
export type { BackupInfo, DataOverview, JobStart } from './channels/data-screen';
export type { AccountStatus, ImportSummary, PublishState } from './channels/accounts';
export { DEFAULT_PDS_URL } from './channels/accounts';
// The sign-in form checks a server address with main's own rule before it sends it.
export { pdsUrlProblem } from '../db/account-rules';
export type { EventName, EventPayload, MicroblogEvents } from './events';
export type { PageDirection } from '../db/models';
export type { FirstScreen } from './channels/first-screen';
/** The cursor of a post, as main's pages give them: the renderer starts a fresh first page at its new post. */
export { encodeCursor } from '../db/cursor';
export type { UserOrder } from '../db/models';
export {
  LANGUAGES,
  THEMES,
  pickLanguage,
  type AppSettings,
  type Language,
  type Theme,
} from './channels/settings';
// The renderer's forms and counter use the same rules as the database, through this module only.
export {
  BODY_MAX,
  PASSWORD_MIN,
  bodyProblem,
  countCodePoints,
  countGraphemes,
  isBlank,
  splitGraphemes,
} from '../db/rules';
export { tokenizePost, type PostToken } from '../db/post-text';
export {
  ABOUT_ME_MAX,
  AVATAR_BYTES_MAX,
  AVATAR_SIDE_MAX,
  DISPLAY_NAME_MAX,
  avatarProblem,
} from '../db/profile-rules';
export { profileEditProblems } from '../db/profile-edit';
export { passwordProblem } from '../db/rules';
// So a form can show a rule's sentence in the user's language: its catalog key and values.
export { sentenceOf } from '../db/sentences';
export type { ProfileDetails, ProfileEdit } from '../db/models';

/** Facts about the running app, for the About panel and bug reports. */
export interface AppInfo {
  version: string;
  databasePath: string;
  dataFolder: string;
  /** The newest applied migration, e.g. `0004-create-settings`. */
  schemaVersion: string;
  platform: string;
  /** The versions a bug report needs: Electron's (null outside Electron), Chromium's, Node's and SQLite's. */
  versions: { electron: string | null; chrome: string | null; node: string; sqlite: string };
}

/** A profile page's header: the profile, how many posts it has, about me, times, picture, followers and following. */
export interface UserProfile extends User, ProfileDetails, FollowCounts {
  postCount: number;
  /** The profile's own picture as a `data:` URL, or null for the generated one. */
  avatar: string | null;
}

/** Which profile is active, and whether it still needs its password in this session. */
export interface Session {
  activeUser: User | null;
  locked: boolean;
}

export const usernameSchema = text('username', USERNAME_MAX, say('errors.usernameEmpty'));
export const emailSchema = text('email', EMAIL_MAX, say('errors.emailEmpty'));
export const passwordSchema = text('password', PASSWORD_MAX);
export { bodySchema } from './channels/schema-kit';
/** A draft: at most DRAFT_MAX visible characters, under the schema's code point ceiling. */
export const draftSchema = z
  .string()
  .refine(isWellFormed, brokenTextSentence('draft'))
  .refine((value) => countCodePoints(value) <= DRAFT_CEILING, ceilingSentence('draft', DRAFT_CEILING))
  .refine((value) => countGraphemes(value) <= DRAFT_MAX, tooLongSentence('draft', DRAFT_MAX));

const empty = z.object({}).strict();
const byUser = z.object({ userId: id }).strict();

/** Every channel: `domain:action` → input schema and result type. */
export const channels = {
  'app:info': channel<AppInfo>()(empty),

  'session:get': channel<Session>()(empty),
  'session:activate': channel<Session>()(byUser),
  'session:unlock': channel<Session>()(z.object({ userId: id, password: passwordSchema }).strict()),

  'users:create': channel<User>()(
    z
      .object({
        username: usernameSchema,
        email: optionalEmailSchema,
        password: passwordSchema.nullable().optional(),
      })
      .strict(),
  ),
  'users:list': channel<User[]>()(
    z
      .object({
        order: z.enum(USER_ORDERS, say('errors.orderInvalid')),
        prefix: text('prefix', USERNAME_MAX).optional(),
      })
      .strict(),
  ),
  'users:get': channel<UserProfile>()(
    z
      .object({
        username: text('username', USERNAME_MAX, say('errors.sayWhichProfile')),
      })
      .strict(),
  ),
  'users:delete': channel<{ deletedPosts: number }>()(
    z.object({ userId: id, password: passwordSchema.optional() }).strict(),
  ),
  ...profileChannels,

  'posts:create': channel<Post>()(z.object({ userId: id, body: bodySchema, key }).strict()),
  'posts:timeline': channel<Page<TimelinePost>>()(z.object({ cursor, limit, direction }).strict()),
  'posts:byUser': channel<Page<Post>>()(z.object({ userId: id, cursor, limit, direction }).strict()),
  'posts:delete': channel<{ postId: number }>()(z.object({ postId: id, userId: id, key }).strict()),

  'drafts:get': channel<Draft | null>()(byUser),
  'drafts:save': channel<Draft | null>()(z.object({ userId: id, body: draftSchema, key }).strict()),

  ...settingsChannels,

  ...postChannels,
  ...linkChannels,
  ...searchChannels,
  ...dataChannels,
  ...accountChannels,
  ...firstScreenChannels,
} as const;

export type Channel = keyof typeof channels;
export const CHANNELS = Object.keys(channels) as Channel[];

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];

/** Error codes that can cross IPC: the data layer's, plus the boundary's own. */
export type IpcErrorCode = ErrorCode | 'UNKNOWN_CHANNEL' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'FORBIDDEN';

export interface IpcError {
  code: IpcErrorCode;
  /** The sentence in English, for logs and tests; the renderer shows `sentence` in its language. */
  message: string;
  field?: string;
  /** The message's catalog key and values, so the renderer can say it in the user's language. */
  sentence?: { key: string; params?: Record<string, string | number> };
}

/** Every call resolves to this envelope; errors are values, never thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The largest payload main accepts, measured as JSON: far above any real form. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** The most elements, keys or entries one array, object, Map or Set in a payload may hold. */
export const MAX_PAYLOAD_ITEMS = 1000;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C, D extends string> = C extends `${D}:${infer A}` ? A : never;

/** The first part of every channel name: `app`, `session`, `users`, `posts`, `drafts`. */
export type Domain = DomainOf<Channel>;

/** One domain's channels, from their names: `ChannelsOf<'posts'>` is `'posts:create' | …`. */
export type ChannelsOf<D extends Domain> = Extract<Channel, `${D}:${string}`>;

/** `window.microblog`: `microblog.users.create({...})` for channel `users:create`, and so on. */
export type MicroblogApi = {
  [D in Domain]: {
    [A in ActionOf<Channel, D>]: (
      input: ChannelInput<`${D}:${A}` & Channel>,
    ) => Promise<Result<ChannelOutput<`${D}:${A}` & Channel>>>;
  };
};

/** Splits `users:create` into `['users', 'create']`. */
export function splitChannel(name: Channel): [string, string] {
  const [domain, action] = name.split(':') as [string, string];
  return [domain, action];
}
