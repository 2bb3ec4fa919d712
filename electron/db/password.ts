import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt cost: about 50 ms on a laptop, which is fine for unlocking a profile.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const OPTIONS: ScryptOptions = { N, r: R, p: P, maxmem: 64 * 1024 * 1024 };

/** scrypt on libuv's thread pool: the main process keeps answering IPC while it runs. */
function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, OPTIONS, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function encode(salt: Buffer, hash: Buffer): string {
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** A salted scrypt hash, self-describing: `scrypt$N$r$p$salt$hash` (base64). Never blocks. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await derive(password, salt));
}

/**
 * The same hash computed on the calling thread, for the command-line tools and the shell,
 * which serve no window; the main process uses `hashPassword`.
 */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, OPTIONS));
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // A lone surrogate would be hashed as U+FFFD, so `x\uD800` would match `x\uDBFF`.
  if (!password.isWellFormed()) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  // The stored string must not choose the work factor: a crafted hash could make every
  // unlock burn seconds of CPU in the main process, or throw. Only our own parameters pass.
  if (n !== N || r !== R || p !== P || salt.length < 16 || expected.length !== KEY_LENGTH) return false;
  return timingSafeEqual(await derive(password, salt), expected);
}
