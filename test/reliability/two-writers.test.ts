import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/main/app-context';
import { ROOT, tempFolder, watch } from '../fixtures/index';

const SEED_USERS = 5;
const SEED_POSTS = 40_000;
const folder = tempFolder('two-writers');
afterAll(() => folder.remove());

describe('two writers', () => {
  it('writes through IPC while `npm run seed` writes the same file: nobody sees "locked", nothing is lost', async () => {
    const dbPath = path.join(folder.dir, 'microblog.db');
    const app = await createAppContext({ dbPath });
    try {
      const created = await app.dispatch('users:create', { username: 'writer', email: 'writer@example.com' });
      if (!created.ok) throw new Error(created.error.message);
      const userId = (created.value as { id: number }).id;
      if (!(await app.dispatch('session:activate', { userId })).ok)
        throw new Error('could not activate writer');

      const seed = watch(
        spawn('npm', ['run', 'seed', '--', '--users', String(SEED_USERS), '--posts', String(SEED_POSTS)], {
          cwd: ROOT,
          env: { ...process.env, MICROBLOG_DB: dbPath },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      let seedDone = false;
      void seed.exited.then(() => {
        seedDone = true;
      });

      // Keep posting, one IPC call at a time as the renderer would, until the seed has finished.
      // Each call yields to the event loop (as IPC does), so the child's exit can be noticed;
      // the wall-clock deadline keeps a hung seed from spinning this loop forever.
      const failures: string[] = [];
      const mine: number[] = [];
      let slowest = 0;
      const deadline = Date.now() + 45_000;
      for (let n = 1; (!seedDone || n <= 20) && Date.now() < deadline; n++) {
        await new Promise((resolve) => setImmediate(resolve));
        const start = performance.now();
        const result = await app.dispatch('posts:create', { userId, body: `app post ${n}` });
        slowest = Math.max(slowest, performance.now() - start);
        if (result.ok) mine.push((result.value as { id: number }).id);
        else failures.push(`${result.error.code}: ${result.error.message}`);
      }
      if (!seedDone) seed.child.kill('SIGKILL');
      const { code } = await seed.exited;
      console.log(
        `two writers: ${mine.length} IPC posts alongside ${SEED_POSTS} seed posts; slowest IPC write ${slowest.toFixed(0)} ms`,
      );

      expect(code, seed.stderr()).toBe(0);
      expect(failures).toEqual([]);
      expect(seed.lines.join('\n')).toContain(`Created ${SEED_USERS} users and ${SEED_POSTS} posts`);
      const count = app.db.prepare('SELECT count(*) FROM posts').pluck().get();
      expect(count).toBe(mine.length + SEED_POSTS);
      const present = new Set(app.db.prepare('SELECT id FROM posts WHERE user_id = ?').pluck().all(userId));
      expect(mine.every((id) => present.has(id))).toBe(true);
      expect(app.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1 + SEED_USERS);
      expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      app.close();
    }
  }, 60_000);
});
