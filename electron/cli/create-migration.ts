/** `npm run db -- create`: a new migration file from a template; the barrel is regenerated. */
import fs from 'node:fs';
import path from 'node:path';
import { migrationFiles, writeBarrel } from './barrel';

export { MIGRATIONS_DIR } from './migrations-folder';
export { migrationFiles };

/** `add_something` or `Add Something` → `add-something`; fails on a name with nothing usable. */
export function kebabName(name: string): string {
  const kebab = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (kebab === '') throw new Error(`"${name}" cannot name a migration; use letters and digits.`);
  return kebab;
}

/** The name the next migration in `folder` gets: the next number, then `rawName` in kebab-case. */
export function nextMigrationName(folder: string, rawName: string): string {
  const files = migrationFiles(folder);
  const last = files[files.length - 1];
  const next = (last === undefined ? 0 : Number(last.slice(0, 4))) + 1;
  return `${String(next).padStart(4, '0')}-${kebabName(rawName)}`;
}

/** The source of a new migration: synchronous `up` and `down` over the open database. */
export function migrationTemplate(name: string): string {
  return `import type { MigrationParams } from '../electron/db/migration-types';

/** TODO: say what this migration changes and why. */
export function up({ context: db }: MigrationParams): void {
  db.exec(\`
    -- ${name}: write the schema change here
  \`);
}

export function down({ context: db }: MigrationParams): void {
  db.exec(\`
    -- undo exactly what up() did
  \`);
}
`;
}

/** Writes `name.ts` with `source` into `folder` (never over a file) and regenerates the barrel. */
export async function addMigrationFile(folder: string, name: string, source: string): Promise<string> {
  const file = path.join(folder, `${name}.ts`);
  fs.writeFileSync(file, source, { flag: 'wx' });
  await writeBarrel(folder);
  return file;
}

/** Writes `000N-<name>.ts` into `folder` from the template and regenerates the barrel; returns its path. */
export async function createMigration(folder: string, rawName: string): Promise<string> {
  const name = nextMigrationName(folder, rawName);
  return addMigrationFile(folder, name, migrationTemplate(name));
}
