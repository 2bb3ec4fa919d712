/**
 * Linking a profile to an AT Protocol account (Bluesky or a self-hosted PDS) and publishing its
 * posts. Pure zod: nothing here may import Node or Electron.
 */
import { z } from 'zod';
import { pdsUrlProblem } from '../../db/account-rules';
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
  /** The sentence asking to sign in again, or null while the session works. */
  signInNeeded: string | null;
}

/** What bringing the account's posts back did. */
export interface ImportSummary {
  added: number;
  known: number;
  skipped: number;
}

/** The server Bluesky accounts sign in at; another PDS is entered in full. */
export const DEFAULT_PDS_URL = 'https://bsky.social';

const pdsUrl = z
  .string()
  .max(2048, 'A server address has at most 2,048 characters.')
  .superRefine((value, ctx) => {
    const problem = pdsUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const identifier = z
  .string()
  .trim()
  .min(1, 'Enter your handle (like alice.bsky.social) or DID.')
  .max(2048, 'A handle has at most 2,048 characters.')
  .regex(/^[^\s\0]+$/, 'A handle has no spaces.');
const appPassword = z
  .string()
  .min(1, 'Enter an app password (made in your account settings).')
  .max(256, 'An app password has at most 256 characters.');

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
    z.object({ postIds: z.array(id).max(200, 'Ask for at most 200 posts at a time.') }).strict(),
  ),
  'accounts:import': channel<ImportSummary>()(byUser),
} as const;
