/** 0004 adds settings: every row of every table written at 0003 comes through unchanged. */
import { describe, expect } from 'vitest';
import { MIGRATIONS_TABLE } from '../../../electron/db/migrator';
import { insertRows, migrateTo, test } from '../../fixtures/index';
import { dump } from '../helpers';

describe('0004-create-settings', () => {
  test('migrating 0003 → 0004 keeps every row of every table', async ({ db }) => {
    await migrateTo(db, '0003-create-drafts');
    insertRows(db, 'users', [{ username: 'john', email: 'john@example.com' }]);
    insertRows(db, 'posts', [{ body: 'first', user_id: 1 }]);
    const before = dump(db).rows;
    await migrateTo(db, '0004-create-settings');
    const after = dump(db).rows;
    for (const [table, rows] of Object.entries(before)) {
      if (table !== MIGRATIONS_TABLE) expect(after[table], table).toEqual(rows);
    }
    expect(Object.keys(after)).toContain('settings');
  });
});
