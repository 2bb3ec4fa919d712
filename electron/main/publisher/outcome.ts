import { XRPCError } from '@atproto/api';
import { MicroblogError } from '../../db/errors';
import { type SentenceRef, say } from '../../db/sentences';

/** What became of one write sent to a PDS, as the publisher acts on it. */
export type SendOutcome =
  | { kind: 'done'; cid: string | null }
  /** The PDS was not reached or failed on its side: send again later, with backoff. */
  | { kind: 'unreachable' }
  /** 429: send nothing to this PDS before `resetAt` (milliseconds since 1970). */
  | { kind: 'rate-limited'; resetAt: number | null }
  /** The session is gone (revoked app password, expired refresh): the user must sign in again. */
  | { kind: 'signed-out'; reason: SentenceRef }
  /** The PDS refused this record for good: it waits for the user's Retry. */
  | { kind: 'refused'; reason: SentenceRef };

// Catalog keys, kept as keys: a failure is shown later (perhaps after a restart), in the window's language.
const SIGNED_OUT: SentenceRef = { key: 'publishing.signedOut' };

/** The `ratelimit-reset` header (seconds since 1970) as milliseconds, or null when absent or not a time. */
export function rateLimitReset(headers: Record<string, string | undefined> | undefined): number | null {
  const value = headers?.['ratelimit-reset'] ?? headers?.['RateLimit-Reset'];
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return null;
  return Number(value.trim()) * 1000;
}

/** Sorts an error of the AT Protocol client into what the publisher does next. */
export function classifyFailure(error: unknown): SendOutcome {
  if (!(error instanceof XRPCError)) return { kind: 'unreachable' };
  const { status } = error;
  if (status === 429) return { kind: 'rate-limited', resetAt: rateLimitReset(error.headers) };
  if (status === 401 || ['ExpiredToken', 'InvalidToken', 'AuthMissing', 'AuthRequired'].includes(error.error))
    return { kind: 'signed-out', reason: SIGNED_OUT };
  if (status === 403 || error.error === 'AccountTakedown' || error.error === 'AccountDeactivated')
    return { kind: 'signed-out', reason: { key: 'publishing.accountBlocked' } };
  // The server's own wording is never shown: what the user reads is one of the app's sentences.
  if (status === 413) return { kind: 'refused', reason: { key: 'publishing.tooLarge' } };
  if (status === 400) return { kind: 'refused', reason: { key: 'publishing.refused' } };
  return { kind: 'unreachable' };
}

/** The sentence for a failed sign-in, from the PDS's answer (never the server's own wording). */
export function signInProblem(error: unknown, pdsUrl: string): MicroblogError {
  if (error instanceof XRPCError && (error.status === 401 || error.status === 400))
    return new MicroblogError('WRONG_PASSWORD', say('accounts.errors.wrongPassword'), 'password');
  if (error instanceof XRPCError && error.status === 429)
    return new MicroblogError('INVALID_INPUT', say('accounts.errors.waitToSignIn'));
  return new MicroblogError('INVALID_INPUT', say('accounts.errors.unreachable', { url: pdsUrl }), 'pdsUrl');
}
