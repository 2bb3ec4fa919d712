/**
 * `npm run db -- migrate -m "add about me"`: compares migrations/schema.sql with the head of the
 * migration chain and writes the migration between them, as Alembic's autogenerate does.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationModule } from '../db/migration-types';
import { buildChain, buildDeclared } from '../schema/build';
import { compareSchemas } from '../schema/compare';
import { readSchema } from '../schema/model';
import { planSteps, type Renames, type Step } from '../schema/plan';
import { ToolFailure } from '../shared/run-tool';
import { formatSource } from './barrel';
import { addMigrationFile, nextMigrationName } from './create-migration';
import { renderMigration } from './migration-source';

export interface MigrateRequest {
  folder: string;
  migrations: readonly MigrationModule[];
  message: string;
  allowDataLoss?: boolean;
  /** `old=new` for a table, `table.old=table.new` for a column. */
  renames?: readonly string[];
  /** `column=VALUE` or `table.column=VALUE`: the SQL value existing rows get. */
  defaults?: readonly string[];
}

export type MigrateResult =
  { written: false } | { written: true; name: string; file: string; up: Step[]; down: Step[] };

const pair = (flag: string, text: string): [string, string] => {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new ToolFailure(`${flag} takes NAME=VALUE, not "${text}".`);
  return [text.slice(0, at).trim().toLowerCase(), text.slice(at + 1).trim()];
};

/** `--rename` values as table and column renames (both directions are derived from these). */
export function parseRenames(values: readonly string[]): { up: Renames; down: Renames } {
  const up = { tables: new Map<string, string>(), columns: new Map<string, Map<string, string>>() };
  const down = { tables: new Map<string, string>(), columns: new Map<string, Map<string, string>>() };
  for (const value of values) {
    const [from, rawTo] = pair('--rename', value);
    const to = rawTo.toLowerCase();
    if (!from.includes('.')) {
      up.tables.set(from, to);
      down.tables.set(to, from);
      continue;
    }
    const [table = '', oldColumn = ''] = from.split('.');
    const newColumn = to.includes('.') ? (to.split('.')[1] ?? '') : to;
    const target = up.tables.get(table) ?? table;
    if (!up.columns.has(target)) up.columns.set(target, new Map());
    up.columns.get(target)?.set(oldColumn, newColumn);
    if (!down.columns.has(table)) down.columns.set(table, new Map());
    down.columns.get(table)?.set(newColumn, oldColumn);
  }
  return { up, down };
}

/** `--default` values as `table.column` (or `column`) → SQL value. */
export function parseDefaults(values: readonly string[]): Map<string, string> {
  return new Map(values.map((value) => pair('--default', value)));
}

/** The declared schema file of `folder`, or a sentence saying it is missing. */
export function readDeclared(folder: string): { file: string; sql: string } {
  const file = path.join(folder, 'schema.sql');
  if (!fs.existsSync(file)) {
    throw new ToolFailure(`${file} is missing: write the schema the migrations should reach there first.`);
  }
  return { file, sql: fs.readFileSync(file, 'utf8') };
}

/** Writes the migration from the chain's head to schema.sql, or nothing when they are equal. */
export async function autogenerate(request: MigrateRequest): Promise<MigrateResult> {
  const { file: schemaFile, sql } = readDeclared(request.folder);
  const declared = buildDeclared(sql, schemaFile);
  const head = await buildChain(request.migrations);
  try {
    const sides = { left: 'the migrations', right: 'schema.sql' };
    if (compareSchemas(readSchema(head), readSchema(declared), sides).length === 0) return { written: false };
    const renames = parseRenames(request.renames ?? []);
    const up = planSteps(head, declared, {
      renames: renames.up,
      defaults: parseDefaults(request.defaults ?? []),
    });
    const losing = up.flatMap((step, i) => (step.destructive ? [`step ${i + 1} ${step.destructive}`] : []));
    if (losing.length > 0 && !request.allowDataLoss) {
      throw new ToolFailure(
        `Refused without --allow-data-loss: ${losing.join('; ')}. Nothing was written. ` +
          'If that is what you mean, run it again with --allow-data-loss; if it is a rename, say so with --rename old=new.',
      );
    }
    const down = planSteps(declared, head, { renames: renames.down, fillWithZero: true });
    const name = nextMigrationName(request.folder, request.message);
    const file = path.join(request.folder, `${name}.ts`);
    const source = await formatSource(file, renderMigration(request.message, up, down));
    await addMigrationFile(request.folder, name, source);
    return { written: true, name, file, up, down };
  } finally {
    head.close();
    declared.close();
  }
}
