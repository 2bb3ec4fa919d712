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
import type { Draft, Page, Post, TimelinePost, User } from '../db/models';
import { BODY_MAX, EMAIL_MAX, PAGE_SIZE_MAX, PASSWORD_MAX, USERNAME_MAX, countCodePoints } from '../db/rules';

export type { Draft, Page, Post, TimelinePost, User };
// The renderer's forms and counter use the same rules as the database, through this module only.
export { BODY_MAX, PASSWORD_MIN, bodyProblem, countCodePoints, isBlank } from '../db/rules';

/** Facts about the running app, for the About panel and bug reports. */
export interface AppInfo {
  version: string;
  databasePath: string;
  dataFolder: string;
  /** The newest applied migration, e.g. `0004-create-settings`. */
  schemaVersion: string;
  platform: string;
}

/** A profile page's header: the profile and how many posts it has. */
export interface UserProfile extends User {
  postCount: number;
}

/** Which profile is active, and whether it still needs its password in this session. */
export interface Session {
  activeUser: User | null;
  locked: boolean;
}

// Schemas: strict objects, so unknown keys are rejected rather than silently passed on.
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const cursor = z.string().max(64).nullable().optional();
const limit = z.number().int().min(1).max(PAGE_SIZE_MAX).optional();
/** A write's client-made key (a UUID): a retry with the same key gets the first outcome back. */
const key = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'That request key is not valid.')
  .optional();
const codePointsAtMost = (max: number) => (text: string) => countCodePoints(text) <= max;

export const usernameSchema = z
  .string()
  .min(1, 'Choose a username.')
  .max(USERNAME_MAX * 2)
  .refine(codePointsAtMost(USERNAME_MAX), `A username has at most ${USERNAME_MAX} characters.`);
export const emailSchema = z
  .string()
  .min(1, 'Enter an email address.')
  .max(EMAIL_MAX * 2);
export const passwordSchema = z.string().max(PASSWORD_MAX * 2);
/** The post body as the composer sends it; length rules are checked (and reported) by the repository. */
export const bodySchema = z.string().max(BODY_MAX * 8);

/** Declares a channel: `channel<Result>()(inputSchema)`, so the input type is inferred. */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

const empty = z.object({}).strict();
const byUser = z.object({ userId: id }).strict();

/** Every channel: `domain:action` → input schema and result type. */
export const channels = {
  'app:info': channel<AppInfo>()(empty),

  'session:get': channel<Session>()(empty),
  'session:activate': channel<Session>()(byUser),

  'users:create': channel<User>()(
    z
      .object({
        username: usernameSchema,
        email: emailSchema,
        password: passwordSchema.nullable().optional(),
      })
      .strict(),
  ),
  'users:list': channel<User[]>()(
    z
      .object({
        order: z.enum(['asc', 'desc']),
        prefix: z
          .string()
          .max(USERNAME_MAX * 2)
          .optional(),
      })
      .strict(),
  ),
  'users:get': channel<UserProfile>()(
    z
      .object({
        username: z
          .string()
          .min(1)
          .max(USERNAME_MAX * 2),
      })
      .strict(),
  ),
  'users:delete': channel<{ deletedPosts: number }>()(byUser),
  'users:unlock': channel<Session>()(z.object({ userId: id, password: passwordSchema }).strict()),

  'posts:create': channel<Post>()(z.object({ userId: id, body: bodySchema, key }).strict()),
  'posts:timeline': channel<Page<TimelinePost>>()(z.object({ cursor, limit }).strict()),
  'posts:byUser': channel<Page<Post>>()(z.object({ userId: id, cursor, limit }).strict()),
  'posts:delete': channel<{ postId: number }>()(z.object({ postId: id, userId: id, key }).strict()),

  'drafts:get': channel<Draft | null>()(byUser),
  'drafts:save': channel<Draft | null>()(z.object({ userId: id, body: z.string().max(4000), key }).strict()),
} as const;

export type Channel = keyof typeof channels;
export const CHANNELS = Object.keys(channels) as Channel[];

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = (typeof channels)[C]['output'];

/** Error codes that can cross IPC: the data layer's, plus the boundary's own. */
export type IpcErrorCode = ErrorCode | 'UNKNOWN_CHANNEL' | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'FORBIDDEN';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  field?: string;
}

/** Every call resolves to this envelope; errors are values, never thrown across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** The largest payload main accepts, measured as JSON: far above any real form. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C, D extends string> = C extends `${D}:${infer A}` ? A : never;

/** `window.microblog`: `microblog.users.create({...})` for channel `users:create`, and so on. */
export type MicroblogApi = {
  [D in DomainOf<Channel>]: {
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
