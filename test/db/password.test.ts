import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/db/password';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

describe('password hashing', () => {
  it('is salted: two hashes of the same password differ, and both verify', () => {
    const a = hashPassword('correct horse battery');
    const b = hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('correct horse');
    expect(verifyPassword('correct horse battery', a)).toBe(true);
    expect(verifyPassword('correct horse battery', b)).toBe(true);
  });

  it('rejects a wrong password, a near miss and an empty one', () => {
    const hash = hashPassword('correct horse battery');
    expect(verifyPassword('wrong password', hash)).toBe(false);
    expect(verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(verifyPassword('', hash)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password (NFC)', () => {
    const hash = hashPassword('caf\u00e9 au lait');
    expect(verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
  });

  it('compares in constant time with timingSafeEqual', () => {
    const hash = hashPassword('correct horse battery');
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    verifyPassword('wrong password', hash);
    verifyPassword('correct horse battery', hash);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('returns false for malformed stored hashes instead of throwing', () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$4$5',
      'scrypt$x$8$1$c2FsdA==$aGFzaA==',
      'scrypt$16384$8$1$c2FsdA==$',
      // Work factors the stored string may not choose: too weak, too costly, or invalid.
      hashPassword('correct horse').replace(/^scrypt\$\d+\$/, 'scrypt$2$'),
      hashPassword('correct horse').replace(/^scrypt\$\d+\$/, 'scrypt$3$'),
      hashPassword('correct horse').replace(/^scrypt\$\d+\$/, 'scrypt$1048576$'),
    ]) {
      expect(verifyPassword('anything', stored), stored).toBe(false);
    }
  });
});
