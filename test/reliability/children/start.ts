/**
 * Child of the hot-journal, disk-full and I/O-error tests: starts the database exactly as the
 * app does and prints the outcome (if it lives that long): `started <n>`, or
 * `refused <reason> <the dialog's actions>: <sentence>`.
 * Usage: start.ts <dbPath>
 */
import { refusalDialog } from '../../../electron/main/refusal';
import { startDatabase } from '../../../electron/main/startup';

const [dbPath] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: start.ts <dbPath>');
const outcome = await startDatabase({ dbPath });
if (outcome.ok) {
  process.stdout.write(`started ${outcome.applied.length}\n`);
  outcome.db.close();
} else {
  const { actions } = refusalDialog(outcome, { version: '0', platform: process.platform });
  process.stdout.write(`refused ${outcome.reason} ${actions.join(',')}: ${outcome.message}\n`);
}
