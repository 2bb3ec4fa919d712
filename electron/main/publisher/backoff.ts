/** The first wait after a failure, and the longest. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * The wait before attempt `attempts + 1`: exponential, capped, with "equal jitter" (half fixed,
 * half random), so many clients coming back online do not all retry in step.
 */
export function backoffDelay(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The wait a 429 asks for: until its reset time (plus jitter), or a backoff when it gave none. */
export function rateLimitDelay(
  resetAt: number | null,
  now: number,
  attempts: number,
  random: () => number,
): number {
  if (resetAt === null) return backoffDelay(attempts, random);
  return Math.min(BACKOFF_MAX_MS * 12, Math.max(0, resetAt - now) + Math.round(random() * 1_000));
}
