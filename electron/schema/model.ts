/** A database's schema read from sqlite_master and the pragmas, normalized so that it can be compared. */
import type { Db } from '../db/connection';
import { MIGRATIONS_TABLE } from '../db/migration-history';
import { closingParen, normalizeSql, normalizeTokens, splitTopLevel, tokenize, type Token } from './sql-text';

export interface ColumnModel {
  name: string;
  /** Everything after the name, normalized: type, constraints, collation, default, references. */
  definition: string;
  /** The column's text as written, for ALTER TABLE … ADD COLUMN. */
  source: string;
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
  /** 0 ordinary, 1 hidden (virtual tables), 2 or 3 generated. */
  hidden: number;
}

export interface TableModel {
  name: string;
  sql: string;
  virtual: boolean;
  columns: ColumnModel[];
  /** Table constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY), normalized and sorted. */
  constraints: string[];
  /** What follows the column list: STRICT, WITHOUT ROWID. */
  options: string;
  /** PRAGMA foreign_key_list, one normalized line per reference. */
  foreignKeys: string[];
}

export interface ObjectModel {
  name: string;
  table: string;
  sql: string;
  /** The normalized SQL, plus for an index its PRAGMA index_xinfo key columns. */
  shape: string;
}

export interface SchemaModel {
  tables: TableModel[];
  indexes: ObjectModel[];
  triggers: ObjectModel[];
  views: ObjectModel[];
}

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const CONSTRAINT_WORDS = new Set(['constraint', 'primary', 'unique', 'check', 'foreign']);

/** Splits a CREATE TABLE into its columns (with their text) and its table constraints. */
function parseTable(sql: string): Pick<TableModel, 'constraints' | 'options'> & { columns: Token[][] } {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => t.text === '(' && t.kind === 'punct');
  const close = closingParen(tokens, open);
  const parts = splitTopLevel(tokens.slice(open + 1, close));
  const isConstraint = (part: Token[]): boolean =>
    part[0]?.kind === 'word' && CONSTRAINT_WORDS.has(part[0].text);
  return {
    columns: parts.filter((part) => !isConstraint(part)),
    constraints: parts.filter(isConstraint).map(normalizeTokens).sort(),
    options: normalizeTokens(tokens.slice(close + 1)),
  };
}

interface XInfo {
  name: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

function readTable(db: Db, row: MasterRow & { sql: string }): TableModel {
  const virtual = /^\s*create\s+virtual/i.test(row.sql);
  const info = db.pragma(`table_xinfo("${row.name.replace(/"/g, '""')}")`) as XInfo[];
  const parsed = virtual ? { columns: [], constraints: [], options: '' } : parseTable(row.sql);
  const columns = info.map((column): ColumnModel => {
    const part = parsed.columns.find((tokens) => tokens[0]?.text === column.name.toLowerCase()) ?? [];
    return {
      name: column.name.toLowerCase(),
      definition: normalizeTokens(part.slice(1)),
      source: compact(row.sql, part),
      notNull: column.notnull === 1,
      hasDefault: column.dflt_value !== null,
      primaryKey: column.pk > 0,
      hidden: column.hidden,
    };
  });
  const references = db.pragma(`foreign_key_list("${row.name.replace(/"/g, '""')}")`) as Record<
    string,
    unknown
  >[];
  return {
    name: row.name.toLowerCase(),
    sql: row.sql,
    virtual,
    columns,
    constraints: parsed.constraints,
    options: parsed.options,
    foreignKeys: references
      .map((r) =>
        `${String(r.from)} → ${String(r.table)}(${String(r.to ?? '')}) on update ${String(r.on_update)} on delete ${String(r.on_delete)}`.toLowerCase(),
      )
      .sort(),
  };
}

/** The text of `tokens` in `sql` with each run of plain white space between them made one space. */
function compact(sql: string, tokens: readonly Token[]): string {
  return tokens
    .map((token, i) => {
      const previous = tokens[i - 1];
      const gap = previous ? sql.slice(previous.end, token.at) : '';
      return (gap.trim() === '' ? (gap === '' ? '' : ' ') : gap) + sql.slice(token.at, token.end);
    })
    .join('');
}

/** The key columns of an index as PRAGMA index_xinfo lists them: name or expression, order, collation. */
function indexKeys(db: Db, name: string): string {
  const rows = db.pragma(`index_xinfo("${name.replace(/"/g, '""')}")`) as {
    name: string | null;
    desc: number;
    coll: string;
    key: number;
  }[];
  return rows
    .filter((r) => r.key === 1)
    .map((r) => `${(r.name ?? 'expr').toLowerCase()} ${r.desc ? 'desc' : 'asc'} ${r.coll.toLowerCase()}`)
    .join(', ');
}

/** Tables a virtual table keeps its data in (FTS5's posts_fts_data and so on): they follow the virtual table. */
function shadowTables(db: Db): Set<string> {
  const rows = db.pragma('table_list') as { name: string; type: string }[];
  return new Set(rows.filter((r) => r.type === 'shadow').map((r) => r.name));
}

/** The schema of `db` (the bookkeeping table and SQLite's own objects left out), in creation order. */
export function readSchema(db: Db): SchemaModel {
  const shadows = shadowTables(db);
  const rows = (
    db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid`).all() as MasterRow[]
  ).filter(
    (r): r is MasterRow & { sql: string } =>
      r.sql !== null && !r.name.startsWith('sqlite_') && r.name !== MIGRATIONS_TABLE && !shadows.has(r.name),
  );
  const object = (r: MasterRow & { sql: string }): ObjectModel => ({
    name: r.name.toLowerCase(),
    table: r.tbl_name.toLowerCase(),
    sql: r.sql,
    shape: normalizeSql(r.sql) + (r.type === 'index' ? ` [${indexKeys(db, r.name)}]` : ''),
  });
  return {
    tables: rows.filter((r) => r.type === 'table').map((r) => readTable(db, r)),
    indexes: rows.filter((r) => r.type === 'index').map(object),
    triggers: rows.filter((r) => r.type === 'trigger').map(object),
    views: rows.filter((r) => r.type === 'view').map(object),
  };
}
