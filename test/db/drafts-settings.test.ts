import { describe, expect, it } from 'vitest';
import { migratedDb } from '../fixtures/index';
import { dump } from './helpers';

describe('drafts repository', () => {
  it('saves, replaces, reads and clears a profile draft; an empty body deletes it', async () => {
    const { repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    expect(repos.drafts.get(user.id)).toBeNull();
    expect(repos.drafts.save(user.id, 'half a thought')?.body).toBe('half a thought');
    repos.drafts.save(user.id, 'a whole thought');
    expect(repos.drafts.get(user.id)).toMatchObject({ body: 'a whole thought' });
    expect(repos.drafts.save(user.id, '')).toBeNull();
    expect(repos.drafts.get(user.id)).toBeNull();
    repos.drafts.save(user.id, 'again');
    repos.drafts.clear(user.id);
    expect(repos.drafts.get(user.id)).toBeNull();
  });

  it('a draft may exceed a post but not 1000 characters, nor hold NUL, nor belong to nobody', async () => {
    const { db, repos } = await migratedDb();
    const user = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    expect(repos.drafts.save(user.id, 'x'.repeat(1000))?.body).toHaveLength(1000);
    // Counted in code points, as the schema counts: 1000 emoji are 2000 UTF-16 units.
    expect(repos.drafts.save(user.id, '🙂'.repeat(1000))?.body).toHaveLength(2000);
    const before = dump(db);
    expect(() => repos.drafts.save(user.id, 'x'.repeat(1001))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'body' }),
    );
    expect(() => repos.drafts.save(user.id, '🙂'.repeat(1001))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'body' }),
    );
    expect(() => repos.drafts.save(user.id, 'a\0b')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'body' }),
    );
    expect(() => repos.drafts.save(999, 'orphan')).toThrow(
      expect.objectContaining({ code: 'USER_NOT_FOUND' }),
    );
    expect(dump(db)).toEqual(before);
  });
});

describe('settings repository', () => {
  it('gets, sets, overwrites and removes a key', async () => {
    const { repos } = await migratedDb();
    expect(repos.settings.get('activeUser')).toBeUndefined();
    repos.settings.set('activeUser', '1');
    repos.settings.set('activeUser', '2');
    expect(repos.settings.get('activeUser')).toBe('2');
    repos.settings.set('activeUser', undefined);
    expect(repos.settings.get('activeUser')).toBeUndefined();
  });
});
