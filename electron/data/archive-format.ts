/**
 * The Microblog archive, version 1: a JSON Lines file (UTF-8, one JSON value per line, `\n`
 * between them). Line 1 is the header; then every profile, then every post oldest first, then
 * every draft. One record per line lets both export and import stream any number of posts in
 * bounded memory, and lets an import name the exact line that is wrong. docs/archive.md
 * describes the format for people who read or write it with other tools.
 */
import { z } from 'zod';
import {
  AVATAR_BYTES_MAX,
  aboutMeProblem,
  avatarProblem,
  displayNameProblem,
  optionalEmailProblem,
} from '../db/profile-rules';
import { BODY_CEILING, bodyProblem, draftProblem, usernameProblem } from '../db/rules';

export const ARCHIVE_FORMAT = 'microblog-archive';
export const ARCHIVE_VERSION = 1;
/** No record Microblog writes comes near this; a longer line is refused before it is parsed. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Far above the archive of a lifetime of posts (1,000,000 posts make about 90 MB). */
export const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;
/** The suffix the export's file dialog proposes. */
export const ARCHIVE_EXTENSION = 'jsonl';

/** Timestamps exactly as the database stores them: UTC, milliseconds, `Z`. */
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isRealTime(text: string): boolean {
  if (!STAMP.test(text)) return false;
  const time = new Date(text);
  return !Number.isNaN(time.getTime()) && time.toISOString() === text;
}

const timestamp = z.string().refine(isRealTime, 'its time is not a UTC time like 2026-01-31T09:30:00.000Z.');

/** A zod check that reports the data rule's own sentence. */
function ruled(problem: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const sentence = problem(value);
    if (sentence !== null) ctx.addIssue({ code: 'custom', message: sentence });
  });
}

const COUNT_SENTENCE = 'its counts are not whole numbers of 0 or more.';
const count = z.number(COUNT_SENTENCE).int(COUNT_SENTENCE).nonnegative(COUNT_SENTENCE);
const counts = z.object({ profiles: count, posts: count, follows: count, drafts: count }).strict();
/** Optional text: null, or text the rule accepts. */
function ruledOrNull(problem: (value: string) => string | null) {
  return ruled(problem).nullable();
}
/** A picture as base64 (a PNG, JPEG or WebP of at most 256 KB), or null for the generated one. */
const avatar = z
  .string()
  .max(Math.ceil((AVATAR_BYTES_MAX * 4) / 3) + 4, 'its picture is larger than 256 KB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'its picture is not base64.')
  .superRefine((value, ctx) => {
    const sentence = avatarProblem(Buffer.from(value, 'base64'));
    if (sentence !== null) ctx.addIssue({ code: 'custom', message: sentence });
  })
  .nullable();
const revision = z
  .object({
    body: z
      .string()
      .max(BODY_CEILING, 'an earlier version is longer than any post.')
      .refine((value) => !value.includes('\0'), 'an earlier version contains a NUL character.'),
    writtenAt: timestamp,
  })
  .strict();
const author = z.string().min(1, 'it names no author.').max(64, 'its author is not a username.');

export const headerSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: timestamp,
    /** The one profile exported, or null for the whole database. */
    profile: z.string().nullable(),
    /** True only when the user asked to include password hashes: then every profile carries one (or null). */
    passwordHashes: z.boolean(),
    counts,
  })
  .strict();

const profileRecord = z
  .object({
    type: z.literal('profile'),
    username: ruled(usernameProblem),
    displayName: ruledOrNull(displayNameProblem),
    email: ruledOrNull(optionalEmailProblem),
    aboutMe: ruledOrNull(aboutMeProblem),
    createdAt: timestamp,
    avatar,
    passwordHash: z
      .string()
      .max(256, 'its password hash is longer than any Microblog makes.')
      .regex(
        /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
        'its password hash is not one Microblog makes.',
      )
      .nullable()
      .optional(),
  })
  .strict();

const postRecord = z
  .object({
    type: z.literal('post'),
    author,
    timestamp,
    body: z.string().superRefine((value, ctx) => {
      const problem = bodyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
    }),
    editedAt: timestamp.nullable(),
    /** The earlier versions, oldest first. */
    revisions: z.array(revision).max(1000, 'it has more earlier versions than Microblog keeps.'),
  })
  .strict();

const followRecord = z
  .object({ type: z.literal('follow'), follower: author, followed: author, createdAt: timestamp })
  .strict()
  .refine(
    (value) => value.follower.toLowerCase() !== value.followed.toLowerCase(),
    'a profile follows itself.',
  );

const draftRecord = z
  .object({
    type: z.literal('draft'),
    author,
    updatedAt: timestamp,
    body: ruled(draftProblem),
  })
  .strict();

export const recordSchema = z.discriminatedUnion('type', [
  profileRecord,
  postRecord,
  followRecord,
  draftRecord,
]);

export type ArchiveHeader = z.infer<typeof headerSchema>;
export type ArchiveRecord = z.infer<typeof recordSchema>;
export type ProfileRecord = z.infer<typeof profileRecord>;
export type PostRecord = z.infer<typeof postRecord>;
export type DraftRecord = z.infer<typeof draftRecord>;
export type FollowRecord = z.infer<typeof followRecord>;
export type RecordType = ArchiveRecord['type'];

/** The plural noun of each record type, as the header's counts name them. */
export const COUNT_OF = { profile: 'profiles', post: 'posts', follow: 'follows', draft: 'drafts' } as const;
