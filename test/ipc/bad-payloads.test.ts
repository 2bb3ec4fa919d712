import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_PAYLOAD_BYTES } from '../../electron/ipc/contract';
import { VALID_PAYLOADS as valid, seededApp as seeded } from './context';

afterEach(() => vi.restoreAllMocks());

describe('bad payloads get typed errors and change nothing', () => {
  it('rejects non-object payloads on every channel', async () => {
    const app = await seeded();
    const before = app.snapshot();
    for (const channel of CHANNELS) {
      for (const payload of [null, undefined, 5, 'text', [], [valid[channel]], true]) {
        const error = await app.fails(channel, payload);
        expect(error.code, `${channel} ${JSON.stringify(payload)}`).toBe('BAD_REQUEST');
        expect(error.message.length).toBeGreaterThan(5);
      }
    }
    expect(app.snapshot()).toBe(before);
  });

  it('rejects extra fields, __proto__ and constructor keys on every channel', async () => {
    const app = await seeded();
    const before = app.snapshot();
    for (const channel of CHANNELS) {
      expect(await app.fails(channel, { ...valid[channel], isAdmin: true })).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'isAdmin',
      });
      // JSON.parse makes `__proto__` an own key, as a hostile page's structured clone would.
      // The other fields are assigned onto it, so a picture's bytes stay bytes (JSON would not keep them).
      const proto = Object.assign(JSON.parse('{"__proto__":{"polluted":true}}') as object, valid[channel]);
      expect(Object.keys(proto)).toContain('__proto__');
      expect(await app.fails(channel, proto)).toMatchObject({ code: 'BAD_REQUEST', field: '__proto__' });
      expect(
        await app.fails(channel, { ...valid[channel], constructor: { prototype: { polluted: true } } }),
      ).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'constructor',
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(app.snapshot()).toBe(before);
  });

  it('rejects wrong types and missing fields, naming the field', async () => {
    const app = await seeded();
    const before = app.snapshot();
    expect(await app.fails('users:create', { email: 'a@b.co' })).toEqual({
      code: 'BAD_REQUEST',
      message: '"username" is required.',
      field: 'username',
    });
    expect(await app.fails('users:create', { username: 42, email: 'a@b.co' })).toEqual({
      code: 'BAD_REQUEST',
      message: '"username" must be a string.',
      field: 'username',
    });
    expect(await app.fails('posts:create', { userId: '1', body: 'x' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'userId',
    });
    expect(await app.fails('posts:create', { userId: 1.5, body: 'x' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'userId',
    });
    expect(await app.fails('posts:create', { userId: -1, body: 'x' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'userId',
    });
    expect(await app.fails('posts:create', { userId: Number.NaN, body: 'x' })).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await app.fails('posts:create', { userId: 2 ** 60, body: 'x' })).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await app.fails('posts:create', { userId: 1, body: null })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'body',
    });
    expect(await app.fails('users:list', { order: 'sideways' })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'order',
    });
    expect(await app.fails('users:list', {})).toMatchObject({ code: 'BAD_REQUEST', field: 'order' });
    expect(await app.fails('posts:timeline', { limit: 0 })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'limit',
    });
    expect(await app.fails('posts:timeline', { limit: 10_000 })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'limit',
    });
    expect(await app.fails('users:create', { username: new Date(), email: 'a@b.co' })).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await app.fails('users:create', { username: new Map(), email: 'a@b.co' })).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(app.snapshot()).toBe(before);
  });

  it('rejects 1 MB strings and other oversized payloads before parsing them', async () => {
    const app = await seeded();
    const before = app.snapshot();
    const mb = 'x'.repeat(1024 * 1024);
    for (const channel of CHANNELS) {
      expect((await app.fails(channel, { ...valid[channel], body: mb })).code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect((await app.fails('users:create', { username: mb, email: 'a@b.co' })).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    // Multi-byte text is measured in bytes: 30,000 emoji are 120 KB.
    expect((await app.fails('posts:create', { userId: 1, body: '😀'.repeat(30_000) })).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(
      (await app.fails('posts:create', { userId: 1, body: new Uint8Array(MAX_PAYLOAD_BYTES + 1) })).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    // Just under the limit, a long (but not too long for the schema) body is parsed and refused by the rules.
    expect((await app.fails('posts:create', { userId: 1, body: 'x'.repeat(1000) })).code).toBe(
      'BODY_TOO_LONG',
    );
    expect(app.snapshot()).toBe(before);
  });

  it('survives deeply nested and shared-reference payloads without overflowing the stack', async () => {
    const app = await seeded();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    // Sent straight to dispatch: structuredClone itself would overflow at this depth.
    expect(await app.ctx.dispatch('users:create', { username: deep, email: 'a@b.co' })).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    let shallow: unknown = 'bottom';
    for (let i = 0; i < 1000; i++) shallow = { next: shallow };
    expect(await app.fails('posts:create', { userId: 1, body: shallow })).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'body',
    });
    const shared = { a: 'x'.repeat(1000) };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(await app.ctx.dispatch('posts:timeline', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('answers unknown channels, including prototype names, with UNKNOWN_CHANNEL', async () => {
    const app = await seeded();
    for (const channel of [
      'nope',
      'users:hack',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'users:create ',
    ]) {
      expect(await app.fails(channel, {}), channel).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    }
    expect(await app.ctx.dispatch(5 as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('turns unexpected failures into INTERNAL with a generic sentence, logging the real error', async () => {
    const app = await seeded();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    app.ctx.db.exec(`DROP TABLE drafts`);
    const error = await app.fails('drafts:get', { userId: 1 });
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toMatch(/drafts|sqlite|table|prepare/i);
    expect(logged).toHaveBeenCalled();
    app.ctx.close();
    const closed = await app.fails('users:list', { order: 'asc' });
    expect(closed.code).toBe('INTERNAL');
    expect(closed.message).not.toMatch(/connection|database is|sqlite/i);
  });
});
