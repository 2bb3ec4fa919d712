import { describe, expect, it } from 'vitest';
import { AVATAR_BYTES_MAX } from '../../electron/db/profile-rules';
import type { User, UserProfile } from '../../electron/ipc/contract';
import { TINY_PNG, twoProfiles } from './context';

describe('users:setAvatar, users:removeAvatar, users:avatar', () => {
  it('stores a PNG, JPEG or WebP, serves it as a data: URL, and removes it', async () => {
    const app = await twoProfiles();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const user = await app.ok<User>('users:setAvatar', { userId: app.a.id, image: jpeg });
    expect(user.hasAvatar).toBe(true);
    const url = `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`;
    expect(await app.ok('users:avatar', { userId: app.a.id })).toBe(url);
    expect(await app.ok<UserProfile>('users:get', { username: 'a' })).toMatchObject({
      avatar: url,
      hasAvatar: true,
    });
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    await app.ok('users:setAvatar', { userId: app.a.id, image: webp });
    expect(await app.ok('users:avatar', { userId: app.a.id })).toMatch(/^data:image\/webp;base64,/);
    expect((await app.ok<User>('users:removeAvatar', { userId: app.a.id })).hasAvatar).toBe(false);
    expect(await app.ok('users:avatar', { userId: app.a.id })).toBeNull();
  });

  it('refuses what is not an image, or too large, with one sentence, keeping the stored picture', async () => {
    const app = await twoProfiles();
    await app.ok('users:setAvatar', { userId: app.a.id, image: TINY_PNG });
    const before = app.snapshot();
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0]);
    const big = new Uint8Array(AVATAR_BYTES_MAX + 1);
    big.set(TINY_PNG);
    for (const [image, message, key] of [
      [
        gif,
        'That file is not an image Microblog can use. Pick a PNG, JPEG or WebP picture.',
        'errors.avatarNotImage',
      ],
      [
        new Uint8Array(0),
        'That file is not an image Microblog can use. Pick a PNG, JPEG or WebP picture.',
        'errors.avatarNotImage',
      ],
      [big, 'That picture is too large. A profile picture has at most 256 KB.', 'errors.avatarTooLarge'],
    ] as const) {
      expect(await app.fails('users:setAvatar', { userId: app.a.id, image })).toEqual({
        code: 'BAD_REQUEST',
        message,
        field: 'image',
        sentence: expect.objectContaining({ key }),
      });
    }
    expect(await app.fails('users:setAvatar', { userId: app.a.id, image: 'iVBORw0KGgo=' })).toMatchObject({
      message: 'That picture could not be read. Pick the file again.',
    });
    expect(
      (await app.fails('users:setAvatar', { userId: app.a.id, image: new Uint8Array(2_000_000) })).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(app.snapshot()).toBe(before);
  });
});
