/**
 * The migrations barrel, migrations/index.ts, generated from the folder listing: a static list
 * so that the bundled app needs no file scanning, written by this code so nobody edits it by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const FILE_PATTERN = /^(\d{4})-[a-z0-9-]+\.ts$/;

/** The migration files in the folder, in order (the barrel lists exactly these). */
export function migrationFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((file) => FILE_PATTERN.test(file))
    .sort();
}

/** The project's own barrel: its Prettier settings apply to migrations written anywhere, a copy in /tmp too. */
const PROJECT_BARREL = fileURLToPath(new URL('../../migrations/index.ts', import.meta.url));

/** `source` formatted with the project's Prettier settings, as `npm run format` would leave it. */
export async function formatSource(file: string, source: string): Promise<string> {
  const options = (await resolveConfig(PROJECT_BARREL)) ?? {};
  return format(source, { ...options, filepath: file });
}

/** The barrel's source for `files` (already sorted), before formatting. */
function barrelText(files: readonly string[]): string {
  const names = files.map((file) => file.replace(/\.ts$/, ''));
  const numbers = names.map((name) => name.slice(0, 4));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`Two migrations are numbered ${twice}; renumber one of them.`);
  return [
    '/**',
    ' * Every migration, in the order it runs. Generated from the folder listing by',
    ' * `npm run db -- barrel` (and by create, migrate and squash): do not edit it by hand.',
    ' * A static list rather than a folder scan, so the bundled app (inside asar) needs no',
    ' * file system access to find them; `npm run db -- check` fails when it is not current.',
    ' */',
    "import type { MigrationModule } from '../electron/db/migration-types';",
    ...names.map((name) => `import * as m${name.slice(0, 4)} from './${name}';`),
    '',
    'export const migrations: readonly MigrationModule[] = [',
    ...names.map((name) => `  { name: '${name}', ...m${name.slice(0, 4)} },`),
    '];',
    '',
  ].join('\n');
}

/** What migrations/index.ts must contain for the files now in `folder`. */
export async function expectedBarrel(folder: string): Promise<string> {
  return formatSource(path.join(folder, 'index.ts'), barrelText(migrationFiles(folder)));
}

/** Writes `folder/index.ts` from the folder listing; returns whether it changed. */
export async function writeBarrel(folder: string): Promise<boolean> {
  const file = path.join(folder, 'index.ts');
  const text = await expectedBarrel(folder);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

/** Whether `folder/index.ts` is exactly what writeBarrel would write. */
export async function barrelIsCurrent(folder: string): Promise<boolean> {
  const file = path.join(folder, 'index.ts');
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === (await expectedBarrel(folder));
}
