/**
 * One computer running Microblog's publishing code against the test PDS: its own database and
 * sessions. No Vitest here, so the benchmark can open devices too; tests use `device` (device.ts).
 */
import path from 'node:path';
import { createAccountRepository } from '../../electron/db/accounts';
import { createOutboxRepository } from '../../electron/db/outbox';
import { createRecordImport } from '../../electron/db/record-import';
import type { DiscoveryOptions } from '../../electron/main/publisher/discovery';
import { importOwnPosts } from '../../electron/main/publisher/import';
import { createPublisher } from '../../electron/main/publisher/publisher';
import { createSessionStore } from '../../electron/main/publisher/sessions';
import { createAtprotoTransport } from '../../electron/main/publisher/transport';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { fakeCipher } from './cipher';

/** The same device in `folder`, for a script outside Vitest (the benchmark): `close` stops it. */
export async function openDevice(
  folder: string,
  username: string,
  fetch?: typeof globalThis.fetch,
  discovery?: DiscoveryOptions,
) {
  const app = await createAppContext({ dbPath: path.join(folder, 'microblog.db'), version: '9.9.9' });
  const db = app.db;
  const repos = createRepositories(db);
  const accounts = createAccountRepository(db);
  const outbox = createOutboxRepository(db);
  const sessionsFolder = path.join(folder, 'sessions');
  const sessions = createSessionStore(sessionsFolder, fakeCipher);
  const transport = createAtprotoTransport({
    accounts,
    sessions,
    ...(fetch ? { fetch } : {}),
    ...(discovery ? { discovery } : {}),
  });
  const publisher = createPublisher({ outbox, accounts, transport });
  const user = repos.users.create({ username });
  const records = createRecordImport(db);
  return {
    /** Stops the publisher (no new request starts) and closes the app; resolves once the last request ended. */
    close: (): Promise<void> => {
      const stopped = publisher.stop();
      app.close();
      return stopped;
    },
    app,
    db,
    repos,
    accounts,
    outbox,
    sessions,
    sessionsFolder,
    transport,
    publisher,
    user,
    post: (body: string) => repos.posts.create({ body, userId: user.id }),
    /** Drains until nothing is due now (a postponed write stays for the next wake). */
    drain: () => publisher.wake(),
    importOwn: async () => {
      const agent = await transport.agent(user.id);
      const did = accounts.get(user.id)?.did ?? '';
      return importOwnPosts(agent, did, user.id, records);
    },
    bodies: () =>
      db.prepare(`SELECT body FROM posts WHERE user_id = ? ORDER BY body`).pluck().all(user.id) as string[],
  };
}
