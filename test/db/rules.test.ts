import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../electron/db/cursor';
import {
  bodyProblem,
  countCodePoints,
  emailProblem,
  passwordProblem,
  usernameProblem,
} from '../../electron/db/rules';
import { migratedDb } from '../fixtures/index';

describe('countCodePoints agrees with SQLite length()', () => {
  it.each(['', 'abc', '🙂', '👍🏽', 'e\u0301', '日本語', '\ud800', 'a\udc00b', '🇫🇷x'])('%j', async (text) => {
    const { db } = await migratedDb();
    const sqliteLength = db.prepare('SELECT length(?)').pluck().get(text);
    // Lone surrogates are not valid UTF-8; SQLite sees the replacement character, one code point each.
    expect(countCodePoints(text)).toBe(sqliteLength);
  });
});

describe('validation rules', () => {
  it('username', () => {
    expect(usernameProblem('susan_1.x-y')).toBeNull();
    expect(usernameProblem('')).not.toBeNull();
    expect(usernameProblem('a'.repeat(64))).toBeNull();
    expect(usernameProblem('a'.repeat(65))).not.toBeNull();
    expect(usernameProblem('a%')).not.toBeNull();
  });
  it('email', () => {
    expect(emailProblem('a@b.co')).toBeNull();
    expect(emailProblem('')).not.toBeNull();
    expect(emailProblem('a@b')).not.toBeNull();
  });
  it('password', () => {
    expect(passwordProblem('12345678')).toBeNull();
    expect(passwordProblem('1234567')).not.toBeNull();
    expect(passwordProblem('x'.repeat(257))).not.toBeNull();
  });
  it('body', () => {
    expect(bodyProblem('hello')).toBeNull();
    expect(bodyProblem('🙂'.repeat(140))).toBeNull();
    expect(bodyProblem('🙂'.repeat(141))?.code).toBe('BODY_TOO_LONG');
    expect(bodyProblem('  ')?.code).toBe('BODY_EMPTY');
    expect(bodyProblem('a\0')?.code).toBe('INVALID_INPUT');
  });
});

describe('cursors', () => {
  it('round-trip and reject anything else', () => {
    const cursor = { timestamp: '2024-01-01T00:00:00.000Z', id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('2024-01-01T00:00:00.000Z_-1')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });
});
