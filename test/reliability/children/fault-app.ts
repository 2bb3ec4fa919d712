/**
 * Child of the fault-injection test, run under strace: starts the app's main-process context on
 * `dbPath` (startup backs up and migrates a database that needs it), publishes `count` posts and
 * deletes post 1 through the real dispatcher, as `userId`, which must already be the active profile, printing one JSON line per answer, as the
 * renderer would see it.
 * Usage: fault-app.ts <dbPath> <userId> <count> <label>
 */
import { StartupRefusedError, createAppContext } from '../../../electron/main/app-context';

const [dbPath, userIdText, countText, label] = process.argv.slice(2);
if (dbPath === undefined || userIdText === undefined || countText === undefined || label === undefined) {
  throw new Error('usage: fault-app.ts <dbPath> <userId> <count> <label>');
}
const print = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
// The main process logs the raw errors for developers; the test reads only what the user sees.
if (!process.env.FAULT_LOGS) console.error = () => undefined;

try {
  const app = await createAppContext({ dbPath });
  for (let i = 1; i <= Number(countText); i++) {
    const body = `${label} post ${i}`;
    const key = `${label}-${i}`;
    const result = await app.dispatch('posts:create', { userId: Number(userIdText), body, key });
    print(result.ok ? { key, body, ok: true } : { key, body, ok: false, ...result.error });
  }
  // And delete the profile's oldest post (id 1): on a full disk SQLite may not be able to.
  const deleted = await app.dispatch('posts:delete', {
    postId: 1,
    userId: Number(userIdText),
    key: `${label}-delete`,
  });
  print(deleted.ok ? { delete: 1, ok: true } : { delete: 1, ok: false, ...deleted.error });
  app.close();
} catch (error) {
  // What app.ts shows: the refusal dialog's sentence, or its "could not start" box for anything else.
  if (error instanceof StartupRefusedError) print({ startup: error.outcome.reason, message: error.message });
  else print({ startup: 'unexpected', message: `unexpected startup error: ${String(error)}` });
}
