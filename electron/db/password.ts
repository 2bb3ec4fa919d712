import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: about 50 ms on a laptop, which is fine for unlocking a profile.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

/** A salted scrypt hash, self-describing: `scrypt$N$r$p$salt$hash` (base64). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  // The stored string must not choose the work factor: a crafted hash could make every
  // unlock burn seconds of CPU in the main process, or throw. Only our own parameters pass.
  if (n !== N || r !== R || p !== P || salt.length < 16 || expected.length !== KEY_LENGTH) return false;
  const actual = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
  return timingSafeEqual(actual, expected);
}
