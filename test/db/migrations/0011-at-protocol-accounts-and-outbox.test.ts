/**
 * 0011 adds accounts, record keys and the outbox: what existed before stays local (nothing is
 * queued by the migration itself), and afterwards a linked profile's posts and profile are queued.
 */
import { describe, expect } from 'vitest';
import { createAccountRepository } from '../../../electron/db/accounts';
import { createRepositories } from '../../../electron/db/index';
import { createOutboxRepository } from '../../../electron/db/outbox';
import { insertRows, migrateTo, test } from '../../fixtures/index';

describe('0011-at-protocol-accounts-and-outbox', () => {
  test('keeps earlier posts local, then queues a linked profile’s posts and profile', async ({ db }) => {
    await migrateTo(db, '0009-full-text-search');
    insertRows(db, 'users', [{ username: 'susan', display_name: 'Susan' }]);
    insertRows(db, 'posts', [{ body: 'before the link', timestamp: '2024-01-01T00:00:00.000Z', user_id: 1 }]);
    await migrateTo(db, '0011-at-protocol-accounts-and-outbox');
    const outbox = createOutboxRepository(db);
    const ops = () => db.prepare(`SELECT op, rkey FROM outbox ORDER BY id`).all();
    expect(ops()).toEqual([]);
    createAccountRepository(db).link({
      userId: 1,
      did: 'did:plc:susan',
      handle: 'susan.test',
      pdsUrl: 'https://pds.test',
    });
    expect(ops()).toEqual([{ op: 'profile', rkey: 'self' }]);
    expect(outbox.earlierCount(1)).toBe(1);
    createRepositories(db).posts.create({ body: 'after the link', userId: 1 });
    expect(outbox.due(1, Date.now()).map((e) => [e.op, e.body])).toEqual([
      ['profile', null],
      ['create', 'after the link'],
    ]);
    expect(outbox.profile(1)).toEqual({ displayName: 'Susan', aboutMe: null, avatar: null });
  });
});
