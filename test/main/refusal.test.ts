import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MigrationModule } from '../../electron/db/migration-types';
import { handleRefusal, refusalDialog } from '../../electron/main/refusal';
import { startDatabase } from '../../electron/main/startup';
import { migrations } from '../../migrations/index';
import { seedDatabase, sha256, tempDir } from '../fixtures/index';

const breaks: MigrationModule = {
  name: '0005-breaks',
  up: () => {
    throw new Error('on purpose');
  },
  down: () => undefined,
};

async function failedMigration() {
  const dir = tempDir();
  const dbPath = path.join(dir, 'microblog.db');
  await seedDatabase(dbPath);
  const outcome = await startDatabase({ dbPath, migrations: [...migrations, breaks] });
  if (outcome.ok) throw new Error('expected a refusal');
  return { dir, dbPath, outcome };
}

describe('the refusal dialog', () => {
  it('offers Restore when a backup exists, naming its time, the file and the backup', async () => {
    const { outcome, dbPath } = await failedMigration();
    const dialog = refusalDialog(outcome, { version: '1.0.0', platform: 'linux' });
    expect(dialog.options.buttons?.slice(0, 2)).toEqual(['Copy details', 'Quit']);
    expect(dialog.options.buttons?.[2]).toMatch(/^Restore the backup from /);
    expect(dialog.actions).toEqual(['copy', 'quit', 'restore']);
    expect(dialog.options.detail).toContain(dbPath);
    expect(dialog.options.detail).toContain(outcome.latestBackup?.path as string);
    expect(dialog.details).toContain('migration-failed');
  });

  it('speaks the OS language: a Spanish dialog, with main’s sentence and the buttons in Spanish', async () => {
    const { outcome, dbPath } = await failedMigration();
    const dialog = refusalDialog(outcome, { version: '1.0.0', platform: 'linux', locale: 'es-ES' });
    expect(dialog.options.title).toBe('Microblog no puede abrir tus datos');
    expect(dialog.options.detail).toContain(
      `Microblog no pudo actualizar la base de datos ${dbPath} a esta versión. No se cambió.`,
    );
    expect(dialog.options.detail).toContain(`Tu archivo: ${dbPath} (`);
    expect(dialog.options.buttons?.slice(0, 2)).toEqual(['Copiar detalles', 'Salir']);
    expect(dialog.options.buttons?.[2]).toMatch(/^Restaurar la copia del /);
    // The details are for a bug report, so they stay in English.
    expect(dialog.details).toContain('Microblog could not update the database');
    // A language the catalogs lack falls back to English.
    expect(refusalDialog(outcome, { version: '1', platform: 'linux', locale: 'de-DE' }).options.title).toBe(
      'Microblog cannot open your data',
    );
  });

  it('does not offer Restore for a read-only file or a failed backup, even with a backup at hand', async () => {
    const { outcome } = await failedMigration();
    for (const reason of ['read-only', 'backup-failed', 'open-failed'] as const) {
      const dialog = refusalDialog({ ...outcome, reason }, { version: '1', platform: 'linux' });
      expect(dialog.actions).toEqual(['copy', 'quit']);
    }
  });

  it('says so and asks again when the restore fails, leaving the file as it was', async () => {
    const { outcome, dbPath } = await failedMigration();
    const current = sha256(dbPath);
    const shown: string[] = [];
    const responses = [2, 1]; // Restore (fails), then Quit.
    const choice = await handleRefusal(
      {
        ...outcome,
        latestBackup: outcome.latestBackup && {
          ...outcome.latestBackup,
          path: `${outcome.latestBackup.path}.gone`,
        },
      },
      { version: '1', platform: 'linux' },
      {
        showMessageBox: async (options) => {
          shown.push(options.title ?? '');
          return {
            response: options.buttons?.length === 1 ? 0 : (responses.shift() ?? 1),
            checkboxChecked: false,
          };
        },
        writeClipboard: async () => undefined,
        relaunch: () => shown.push('relaunch'),
        quit: () => shown.push('quit'),
      },
    );
    expect(choice).toBe('quit');
    expect(shown).toEqual([
      'Microblog cannot open your data',
      'The backup was not restored',
      'Microblog cannot open your data',
      'quit',
    ]);
    expect(sha256(dbPath)).toBe(current);
  });

  it('restore sets the current file aside, puts the backup in place and relaunches', async () => {
    const { outcome, dbPath, dir } = await failedMigration();
    const current = sha256(dbPath);
    const backup = sha256(outcome.latestBackup?.path as string);
    const seen: string[] = [];
    const choice = await handleRefusal(
      outcome,
      { version: '1', platform: 'linux' },
      {
        showMessageBox: async () => ({ response: 2, checkboxChecked: false }),
        writeClipboard: async () => void seen.push('copy'),
        relaunch: () => seen.push('relaunch'),
        quit: () => seen.push('quit'),
      },
    );
    expect(choice).toBe('restored');
    expect(seen).toEqual(['relaunch']);
    expect(sha256(dbPath)).toBe(backup);
    const aside = fs.readdirSync(dir).filter((name) => /^microblog-replaced-.*\.db$/.test(name));
    expect(aside).toHaveLength(1);
    expect(sha256(path.join(dir, aside[0] as string))).toBe(current);
  });

  it('has no Restore button without a backup', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    fs.writeFileSync(dbPath, 'not a database at all, just some words'.repeat(10));
    const outcome = await startDatabase({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(refusalDialog(outcome, { version: '1', platform: 'linux' }).options.buttons).toEqual([
      'Copy details',
      'Quit',
    ]);
  });

  it('says what the file and the backup hold, and says plainly when the backup would hide newer posts', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { migrations: migrations.slice(0, 2), posts: 3 });
    const upgraded = await startDatabase({ dbPath }); // Backs up the 3 posts, then migrates.
    if (!upgraded.ok) throw new Error(upgraded.message);
    const insert = upgraded.db.prepare(`INSERT INTO posts (body, timestamp, user_id) VALUES (?, ?, 1)`);
    for (let i = 0; i < 7; i++)
      insert.run(`newer ${i}`, new Date(Date.UTC(2026, 5, 1, 0, 0, i)).toISOString());
    upgraded.db.exec(`INSERT INTO schema_migrations (name) VALUES ('0099-from-a-newer-version')`);
    upgraded.db.close();
    const outcome = await startDatabase({ dbPath });
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.current).toMatchObject({ state: 'readable', posts: 10 });
    expect(outcome.latestBackup?.holds).toMatchObject({ state: 'readable', posts: 3 });
    const dialog = refusalDialog(outcome, { version: '1', platform: 'linux' });
    expect(dialog.options.detail).toMatch(/Your file: .*\(10 posts, the newest from /);
    expect(dialog.options.detail).toMatch(/The latest backup is .*\(3 posts, the newest from /);
    expect(dialog.options.detail).toContain('restoring the backup would hide them');
    expect(dialog.options.buttons?.slice(2)).toEqual([
      expect.stringMatching(/^Restore the older backup from /),
      'Open read-only to export',
    ]);
  });

  it('gives every refusal a stable code', async () => {
    const { outcome } = await failedMigration();
    expect(outcome.code).toBe('DATABASE_MIGRATION_FAILED');
    expect(refusalDialog(outcome, { version: '1', platform: 'linux' }).details).toContain(
      'DATABASE_MIGRATION_FAILED',
    );
  });
});
