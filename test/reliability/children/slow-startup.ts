/**
 * Child of the kill-during-migration test: starts the database like the app does, with the
 * test-only slow migration appended, and prints the outcome if it lives that long.
 * Usage: slow-startup.ts <dbPath> <rows>
 */
import { startDatabase } from '../../../electron/main/startup';
import { withSlowMigration } from '../slow-migration';

const [dbPath, rows] = process.argv.slice(2);
if (dbPath === undefined || rows === undefined) throw new Error('usage: slow-startup.ts <dbPath> <rows>');
const outcome = await startDatabase({ dbPath, migrations: withSlowMigration(Number(rows)) });
process.stdout.write(outcome.ok ? `migrated ${outcome.applied.join(',')}\n` : `refused ${outcome.reason}\n`);
if (outcome.ok) outcome.db.close();
