/** Which migrations folder the database tools work on, and its list of migrations. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MigrationModule } from '../db/migration-types';

/** The project's migrations folder (the barrel `index.ts` and `schema.sql` live there too). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** MICROBLOG_MIGRATIONS, or the project's own folder: a copy elsewhere is how the tools are tried safely. */
export function migrationsFolder(): string {
  return path.resolve(process.env.MICROBLOG_MIGRATIONS || MIGRATIONS_DIR);
}

function isMigration(value: unknown): value is MigrationModule {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.name === 'string' && typeof m.up === 'function' && typeof m.down === 'function';
}

/** The list exported by `folder/index.ts`, checked to be migrations. */
export async function loadMigrations(folder: string): Promise<readonly MigrationModule[]> {
  const barrel: unknown = await import(pathToFileURL(path.join(folder, 'index.ts')).href);
  const list = (barrel as { migrations?: unknown }).migrations;
  if (!Array.isArray(list) || !list.every(isMigration)) {
    throw new Error(
      `${path.join(folder, 'index.ts')} does not export a list of migrations; run "npm run db -- barrel".`,
    );
  }
  return list;
}
