/**
 * `npm run shell`: a Node REPL with the open database, the repositories and the migrator
 * preloaded, like `flask shell`. Works with piped input too, and closes the database at the end.
 */
import repl from 'node:repl';
import { inspect } from 'node:util';
import { MicroblogError } from '../db/errors';
import { createRepositories } from '../db/index';
import { createMigrator } from '../db/migrator';
import {
  DB_TOOL_FAILURES,
  closeDatabase,
  databaseFile,
  openDatabaseAtHead,
  runTool,
  toolMigrations,
} from './tool';

/** Typed errors read as one line (code, field, sentence); anything else as the REPL would show it. */
function writer(value: unknown): string {
  if (value instanceof MicroblogError) {
    return `MicroblogError ${value.code}${value.field ? ` (${value.field})` : ''}: ${value.message}`;
  }
  return inspect(value, { colors: Boolean(process.stdout.isTTY), depth: 4 });
}

void runTool(async () => {
  const migrations = await toolMigrations();
  const file = databaseFile();
  const { db, version: at } = openDatabaseAtHead(file, migrations);
  const repos = createRepositories(db);
  const migrator = createMigrator(db, { migrations });

  process.stdout.write(
    [
      `Microblog shell on ${file} (at ${at}).`,
      'Preloaded: db (better-sqlite3), users, posts, drafts, settings, repos, migrator (Umzug).',
      `Try: users.create({ username: 'susan', email: 'susan@example.com' }), posts.timeline().items`,
      '',
    ].join('\n'),
  );
  const server = repl.start({
    prompt: 'microblog> ',
    input: process.stdin,
    output: process.stdout,
    terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    useGlobal: false,
    writer,
  });
  Object.assign(server.context, { db, repos, migrator, ...repos });
  // End of input (Ctrl-D or the end of a pipe) and `.exit` both land here.
  server.on('exit', () => {
    closeDatabase(db);
    process.stdout.write('\n');
  });
}, DB_TOOL_FAILURES);
