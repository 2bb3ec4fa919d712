import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword } from '../../electron/db/password';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

describe('password hashing', () => {
  it('is salted: two hashes of the same password differ, and both verify', async () => {
    const a = await hashPassword('correct horse battery');
    const b = hashPasswordSync('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse battery', b)).toBe(true);
  });

  it('rejects a wrong password, a near miss and an empty one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('wrong password', hash)).toBe(false);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password (NFC)', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
  });

  it('compares in constant time with timingSafeEqual', async () => {
    const hash = await hashPassword('correct horse battery');
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    await verifyPassword('wrong password', hash);
    await verifyPassword('correct horse battery', hash);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('returns false for malformed stored hashes instead of throwing', async () => {
    const good = await hashPassword('correct horse');
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$4$5',
      'scrypt$x$8$1$c2FsdA==$aGFzaA==',
      'scrypt$16384$8$1$c2FsdA==$',
      // Work factors the stored string may not choose: too weak, too costly, or invalid.
      good.replace(/^scrypt\$\d+\$/, 'scrypt$2$'),
      good.replace(/^scrypt\$\d+\$/, 'scrypt$3$'),
      good.replace(/^scrypt\$\d+\$/, 'scrypt$1048576$'),
    ]) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });

  it('never matches a password with a lone surrogate, which would hash as U+FFFD', async () => {
    // scrypt reads a lone surrogate as U+FFFD: without the check, each of these would match.
    const hash = hashPasswordSync('password\uFFFD');
    expect(await verifyPassword('password\uFFFD', hash)).toBe(true);
    for (const lone of ['password\uD800', 'password\uDBFF', 'password\uDC00']) {
      expect(await verifyPassword(lone, hash), JSON.stringify(lone)).toBe(false);
    }
  });

  it('hashes on the thread pool: other work runs while a hash is computed', async () => {
    const order: string[] = [];
    const hashing = hashPassword('correct horse battery').then(() => order.push('hash'));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('event loop');
    await hashing;
    expect(order).toEqual(['event loop', 'hash']);
  });
});
