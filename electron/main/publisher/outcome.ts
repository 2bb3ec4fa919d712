import { XRPCError } from '@atproto/api';

/** What became of one write sent to a PDS, as the publisher acts on it. */
export type SendOutcome =
  | { kind: 'done'; cid: string | null }
  /** The PDS was not reached or failed on its side: send again later, with backoff. */
  | { kind: 'unreachable' }
  /** 429: send nothing to this PDS before `resetAt` (milliseconds since 1970). */
  | { kind: 'rate-limited'; resetAt: number | null }
  /** The session is gone (revoked app password, expired refresh): the user must sign in again. */
  | { kind: 'signed-out'; reason: string }
  /** The PDS refused this record for good: it waits for the user's Retry. */
  | { kind: 'refused'; reason: string };

const SIGNED_OUT =
  'The server no longer accepts this sign-in (the app password may have been revoked). Sign in again; your queued posts are kept.';

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
    return { kind: 'signed-out', reason: 'The server does not let this account write now. Sign in again.' };
  if (status === 400 || status === 413)
    return { kind: 'refused', reason: `The server refused this post (${error.error || status}).` };
  return { kind: 'unreachable' };
}
