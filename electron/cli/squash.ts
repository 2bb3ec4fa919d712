/**
 * `npm run db -- squash --to NAME`: the migrations up to and including NAME become one baseline
 * that creates their schema directly. It records the histories it replaces, so a database that
 * applied the old migrations is at the baseline and nothing is re-run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationModule } from '../db/migration-types';
import { buildChain, schemaStatements } from '../schema/build';
import { ToolFailure } from '../shared/run-tool';
import { formatSource, writeBarrel } from './barrel';
import { renderBaseline } from './migration-source';

export interface SquashResult {
  name: string;
  file: string;
  removed: string[];
}

/** The histories a baseline for `range` stands for: the names in order, and those of an earlier baseline's. */
function historiesOf(range: readonly MigrationModule[]): string[][] {
  const [first, ...rest] = range;
  const later = rest.map((m) => m.name);
  if (!first) return [];
  return [[first.name, ...later], ...(first.replaces ?? []).map((history) => [...history, ...later])];
}

/** Replaces the files of `migrations` up to `to` in `folder` with one baseline; regenerates the barrel. */
export async function squash(
  folder: string,
  migrations: readonly MigrationModule[],
  to: string,
): Promise<SquashResult> {
  const end = migrations.findIndex((m) => m.name === to);
  if (end === -1) throw new ToolFailure(`There is no migration named "${to}" (try "npm run db -- history").`);
  const range = migrations.slice(0, end + 1);
  if (range.length === 1 && range[0]?.replaces) throw new ToolFailure(`${to} is already a baseline.`);
  const missing = range.filter((m) => !fs.existsSync(path.join(folder, `${m.name}.ts`)));
  if (missing.length > 0) {
    throw new ToolFailure(
      `${missing.map((m) => m.name).join(', ')} is not a file in ${folder}; nothing was changed.`,
    );
  }
  const chain = await buildChain(migrations, to);
  const statements = schemaStatements(chain);
  chain.close();
  const number = to.slice(0, 4);
  const name = range.some((m) => m.name === `${number}-baseline`)
    ? `${number}-squashed`
    : `${number}-baseline`;
  const file = path.join(folder, `${name}.ts`);
  const source = await formatSource(file, renderBaseline(historiesOf(range), statements));
  fs.writeFileSync(file, source, { flag: 'wx' });
  for (const m of range) fs.rmSync(path.join(folder, `${m.name}.ts`));
  await writeBarrel(folder);
  return { name, file, removed: range.map((m) => m.name) };
}
