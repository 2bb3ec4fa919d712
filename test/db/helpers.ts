/** Dumps of a database's schema and rows, so "nothing changed" can be asserted exactly. */
import type { Db } from '../../electron/db/connection';

/** The schema (sqlite_master) as sorted text rows. */
export function schemaDump(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

/** Schema plus every row of every table, so "nothing changed" can be asserted exactly. */
export function dump(db: Db): { schema: string[]; rows: Record<string, unknown[]> } {
  const rows: Record<string, unknown[]> = {};
  const withoutRowid = db.prepare(`SELECT wr FROM pragma_table_list WHERE name = ?`).pluck();
  // A WITHOUT ROWID table (follows, FTS5's own) has no rowid; it reads back in key order.
  for (const table of tableNames(db))
    rows[table] = db
      .prepare(`SELECT * FROM "${table}"${withoutRowid.get(table) === 1 ? '' : ' ORDER BY rowid'}`)
      .all();
  return { schema: schemaDump(db), rows };
}

/** The names of the tables (without SQLite's own). */
export function tableNames(db: Db): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`)
    .pluck()
    .all() as string[];
}
