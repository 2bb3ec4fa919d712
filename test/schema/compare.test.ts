/** The schema comparison: formatting and quoting do not count; every real difference does, readably. */
import { describe, expect, it } from 'vitest';
import { buildDeclared } from '../../electron/schema/build';
import { compareSchemas } from '../../electron/schema/compare';
import { readSchema } from '../../electron/schema/model';

const sides = { left: 'a', right: 'b' };
function differences(a: string, b: string): string[] {
  const left = buildDeclared(a, 'a');
  const right = buildDeclared(b, 'b');
  try {
    return compareSchemas(readSchema(left), readSchema(right), sides);
  } finally {
    left.close();
    right.close();
  }
}

const BASE = `CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) <= 64)) STRICT;
CREATE UNIQUE INDEX ix_users_name ON users (name);`;

describe('compareSchemas', () => {
  it('ignores spacing, comments, keyword case and identifier quoting', () => {
    const same = `-- the users
      create table "users" (
        "id"   integer primary key,   /* rowid */
        [name] TEXT not null collate nocase check(length("name")<=64)
      ) strict;
      CREATE UNIQUE INDEX "ix_users_name" ON "users"(name);`;
    expect(differences(BASE, same)).toEqual([]);
  });

  it('sees a changed collation, CHECK, default, table option, index, and a missing column', () => {
    expect(differences(BASE, BASE.replace('COLLATE NOCASE', ''))).toEqual([
      'column users.name is "text not null collate nocase check(length(name) <= 64)" in a but "text not null check(length(name) <= 64)" in b',
      // PRAGMA index_xinfo: the index on the column takes the column's collation.
      'index ix_users_name is defined differently in a and b',
    ]);
    expect(differences(BASE, BASE.replace('<= 64', '<= 80'))).toHaveLength(1);
    expect(differences(BASE, BASE.replace(') STRICT;', ", bio TEXT DEFAULT '') STRICT;"))).toEqual([
      'column users.bio is only in b',
    ]);
    expect(differences(BASE, BASE.replace(' STRICT;', ';'))).toEqual(['users is "strict" in a but "" in b']);
    expect(differences(BASE, BASE.replace('ON users (name)', 'ON users (name DESC)'))).toEqual([
      'index ix_users_name is defined differently in a and b',
    ]);
  });

  it('keeps a string literal as written: a different literal is a difference', () => {
    const withDefault = BASE.replace(') STRICT;', ", bio TEXT DEFAULT 'Hi') STRICT;");
    expect(differences(withDefault, withDefault.replace("'Hi'", "'hi'"))).toHaveLength(1);
  });
});
