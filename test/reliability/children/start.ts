/**
 * Child of the hot-journal and disk-full tests: starts the database exactly as the app does
 * and prints the outcome (if it lives that long).
 * Usage: start.ts <dbPath>
 */
import { startDatabase } from '../../../electron/main/startup';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: start.ts <dbPath>');
const outcome = await startDatabase({ dbPath });
process.stdout.write(
  outcome.ok ? `started ${outcome.applied.length}\n` : `refused ${outcome.reason}: ${outcome.message}\n`,
);
if (outcome.ok) outcome.db.close();
