/** 0002 adds posts beside the users of 0001: the users come through, and posts written then reach head. */
import { describe, expect } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrator';
import { migrations } from '../../../migrations/index';
import { insertRows, migrateTo, test } from '../../fixtures/index';

describe('0002-create-posts', () => {
  test('keeps the users of 0001, and the posts written at 0002 are still there at head', async ({ db }) => {
    await migrateTo(db, '0001-create-users');
    insertRows(db, 'users', [{ username: 'susan', email: 'susan@example.com' }]);
    await migrateTo(db, '0002-create-posts');
    insertRows(db, 'posts', [{ body: 'hi', timestamp: '2024-01-01T00:00:00.000Z', user_id: 1 }]);
    await migrateToLatest(db, { migrations });
    expect(db.prepare('SELECT username, email FROM users').all()).toEqual([
      { username: 'susan', email: 'susan@example.com' },
    ]);
    expect(db.prepare('SELECT body, user_id FROM posts').all()).toEqual([{ body: 'hi', user_id: 1 }]);
  });
});
