/**
 * Child of the crash-durability test: starts the database like the app does, then posts one
 * post per transaction forever, printing each id only after its commit returned.
 * Usage: post-writer.ts <dbPath> <userId>
 */
import { createRepositories } from '../../../electron/db/index';
import { startDatabase } from '../../../electron/main/startup';

const [dbPath, userIdText] = process.argv.slice(2);
if (dbPath === undefined || userIdText === undefined)
  throw new Error('usage: post-writer.ts <dbPath> <userId>');
const userId = Number(userIdText);

const outcome = await startDatabase({ dbPath });
if (!outcome.ok) {
  process.stderr.write(`refused: ${outcome.reason}\n`);
  process.exit(2);
}
const { posts } = createRepositories(outcome.db);
const publish = outcome.db.transaction((body: string) => posts.create({ userId, body }).id);
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  const id = publish.immediate(`crash test post ${n}`);
  // Pipes are written synchronously on POSIX: once this returns, the parent can read the id.
  process.stdout.write(`committed ${id}\n`);
}
