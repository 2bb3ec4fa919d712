/**
 * Child of the fault-injection test, run under strace: backs the database up the way startup
 * does before migrating, under a fixed time so the parent knows the backup's name in advance.
 * Usage: fault-backup.ts <dbPath>
 */
import { openDatabase } from '../../../electron/db/connection';
import { backupBeforeMigrating } from '../../../electron/data/backups';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: fault-backup.ts <dbPath>');
let db: ReturnType<typeof openDatabase> | undefined;
try {
  db = openDatabase(dbPath, { keepJournalMode: true });
  const file = await backupBeforeMigrating(db, dbPath, 'fault-target', {
    now: new Date('2026-01-01T00:00:00.000Z'),
  });
  process.stdout.write(`${JSON.stringify({ ok: true, file })}\n`);
} catch {
  process.stdout.write(`${JSON.stringify({ ok: false })}\n`);
} finally {
  db?.close();
}
