/**
 * Linking a profile to an AT Protocol account (Bluesky or a self-hosted PDS) and publishing its
 * posts. Pure zod: nothing here may import Node or Electron.
 */
import { z } from 'zod';
import { pdsUrlProblem } from '../../db/account-rules';
import { type SentenceRef, say } from '../../db/sentences';
import type { PublishState } from '../../db/outbox';
import { channel, id } from './schema-kit';

export type { PublishState } from '../../db/outbox';

/** Where a profile stands with its account, for Settings → Accounts. */
export interface AccountStatus {
  linked: { did: string; handle: string; pdsUrl: string } | null;
  /** Writes still to be sent (refused ones aside). */
  pending: number;
  /** Posts from before the link, never published; "Publish my earlier posts" names this count. */
  earlier: number;
  /** The sentence asking to sign in again (in English), or null while the session works. */
  signInNeeded: string | null;
  /** That sentence's catalog key and values, so the window says it in its language. */
  signInSentence?: SentenceRef; /** Why the server refused the profile record (sent again when the profile changes); absent otherwise. */
  profileFailure?: { reason: string; sentence?: SentenceRef };
}

/** What bringing the account's posts back did. */
export interface ImportSummary {
  added: number;
  known: number;
  skipped: number;
}

/** Where most Bluesky accounts live: a hint for the address field, as sign-in finds the PDS from the handle. */
export const DEFAULT_PDS_URL = 'https://bsky.social';

const pdsUrl = z
  .string()
  .max(2048, say('accounts.errors.serverAddressTooLong'))
  .superRefine((value, ctx) => {
    const problem = pdsUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const identifier = z
  .string()
  .trim()
  .min(1, say('accounts.errors.identifierEmpty'))
  .max(2048, say('accounts.errors.identifierTooLong'))
  .regex(/^[^\s\0]+$/, say('accounts.errors.identifierSpaces'));
const appPassword = z
  .string()
  .min(1, say('accounts.errors.appPasswordEmpty'))
  .max(256, say('accounts.errors.appPasswordTooLong'));

const byUser = z.object({ userId: id }).strict();

export const accountChannels = {
  'accounts:get': channel<AccountStatus>()(byUser),
  'accounts:signIn': channel<AccountStatus>()(
    z.object({ userId: id, identifier, appPassword, pdsUrl: pdsUrl.optional() }).strict(),
  ),
  'accounts:unlink': channel<AccountStatus>()(byUser),
  'accounts:publishEarlier': channel<{ queued: number }>()(byUser),
  'accounts:retry': channel<{ retried: boolean }>()(z.object({ userId: id, postId: id }).strict()),
  'accounts:postStates': channel<{ postId: number; state: PublishState }[]>()(
    z.object({ postIds: z.array(id).max(200, say('accounts.errors.tooManyPosts')) }).strict(),
  ),
  'accounts:import': channel<ImportSummary>()(byUser),
} as const;
