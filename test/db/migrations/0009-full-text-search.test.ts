/** 0009 adds the FTS5 index over post bodies: posts written before it are found by search afterwards. */
import { describe, expect } from 'vitest';
import { createSearchRepository } from '../../../electron/db/search';
import { insertRows, migrateTo, test } from '../../fixtures/index';

describe('0009-full-text-search', () => {
  test('indexes the posts that existed before it', async ({ db }) => {
    await migrateTo(db, '0008-create-follows-and-natural-sort-key');
    insertRows(db, 'users', [{ username: 'susan', email: 'susan@example.com' }]);
    insertRows(db, 'posts', [
      { body: 'an old quokka', timestamp: '2024-01-01T00:00:00.000Z', user_id: 1 },
      { body: 'a newer quokka', timestamp: '2024-01-02T00:00:00.000Z', user_id: 1 },
      { body: 'nothing here', timestamp: '2024-01-03T00:00:00.000Z', user_id: 1 },
    ]);
    await migrateTo(db, '0009-full-text-search');
    // Search alone: the other repositories expect the later migrations' indexes.
    const page = createSearchRepository(db).posts('quokka');
    expect(page.items.map((p) => p.body)).toEqual(['a newer quokka', 'an old quokka']);
  });
});
