/** `npm run db -- create`: a new migration file from a template, appended to the barrel. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's migrations folder (the barrel `index.ts` lives there too). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

const FILE_PATTERN = /^(\d{4})-[a-z0-9-]+\.ts$/;

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

/** The migration files in the folder, in order (the barrel must list exactly these). */
export function migrationFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((file) => FILE_PATTERN.test(file))
    .sort();
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

/** The barrel with one more import and list entry for `name`; fails if the barrel's shape is unexpected. */
export function appendToBarrel(source: string, name: string): string {
  const variable = `m${name.slice(0, 4)}`;
  const imports = [...source.matchAll(/^import \* as \w+ from '\.\/[^']+';\n/gm)];
  const lastImport = imports[imports.length - 1];
  const listEnd = source.lastIndexOf('\n];');
  if (lastImport?.index === undefined || listEnd === -1) {
    throw new Error(
      'migrations/index.ts does not look like the barrel this tool maintains; edit it by hand.',
    );
  }
  const afterImports = lastImport.index + lastImport[0].length;
  const importLine = `import * as ${variable} from './${name}';\n`;
  const entry = `\n  { name: '${name}', ...${variable} },`;
  return (
    source.slice(0, afterImports) +
    importLine +
    source.slice(afterImports, listEnd) +
    entry +
    source.slice(listEnd)
  );
}

/** Writes `000N-<name>.ts` into `folder` and appends it to `folder/index.ts`; returns the new file's path. */
export function createMigration(folder: string, rawName: string): string {
  const files = migrationFiles(folder);
  const last = files[files.length - 1];
  const next = (last === undefined ? 0 : Number(last.slice(0, 4))) + 1;
  const name = `${String(next).padStart(4, '0')}-${kebabName(rawName)}`;
  const barrelPath = path.join(folder, 'index.ts');
  const barrel = appendToBarrel(fs.readFileSync(barrelPath, 'utf8'), name);
  const file = path.join(folder, `${name}.ts`);
  fs.writeFileSync(file, migrationTemplate(name), { flag: 'wx' });
  fs.writeFileSync(barrelPath, barrel);
  return file;
}
