import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORAGE_VOCABULARY } from '../../electron/db/sqlite-errors';
import { createAppContext } from '../../electron/main/app-context';
import { seedDatabase } from '../fixtures/index';
import { isWrong, runAll, runChild, sample, straceArgs, summarize } from './faults';
import { HAS_STRACE } from './helpers';
import type { Prepared } from './faults-scenarios';
import { tempFolder } from '../fixtures/index';

const SAMPLE = 16;
const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 2 ** 31);
const folder = tempFolder('faults-retry');
afterAll(() => folder.remove());

describe.runIf(HAS_STRACE)('fault injection under strace', () => {
  it(`answers truthfully on a seeded sample of ${SAMPLE} faults (seed ${seed})`, async () => {
    const results = await runAll(sample(seed, SAMPLE), 2);
    const summary = summarize(results);
    console.log(
      `${summary}\n(replay with FAULTS_SEED=${seed}; every run: npx tsx test/reliability/faults-run.ts --full)`,
    );
    expect(results.filter(isWrong), summary).toEqual([]);
    // The sample must actually reach the write paths, not only miss them.
    expect(results.filter((r) => r.failed).length).toBeGreaterThanOrEqual(SAMPLE / 4);
  }, 240_000);

  it('a post that failed under an fsync EIO is posted exactly once when retried with its key', async () => {
    const dbPath = path.join(folder.dir, 'microblog.db');
    let failure: { key: string; body: string; code: string; message: string } | undefined;
    // Walk the fault along the fsyncs until it lands on a post's COMMIT (not on startup's).
    for (let n = 1; n <= 16 && failure === undefined; n++) {
      fs.rmSync(folder.dir, { recursive: true, force: true });
      fs.mkdirSync(folder.dir);
      await seedDatabase(dbPath, { users: 1, posts: 5, journal: 'delete', active: 1 });
      const prepared: Prepared = {
        paths: ['', '-wal', '-shm', '-journal'].map((s) => `${dbPath}${s}`),
        args: ['test/reliability/children/fault-app.ts', dbPath, '1', '3', 'retry'],
        env: {},
        check: async () => {
          throw new Error('not used');
        },
      };
      const run = {
        scenario: 'post' as const,
        syscall: 'fsync' as const,
        error: 'EIO' as const,
        when: `${n}`,
      };
      const output = await runChild(straceArgs(run, prepared), {});
      const answers = output.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      failure = answers.find((a) => a.ok === false && a.key !== undefined);
    }
    if (!failure) throw new Error('no fsync fault landed on a post');
    expect(STORAGE_VOCABULARY).toContain(failure.message);
    expect(failure.message).not.toMatch(/nothing was changed/i);

    const app = await createAppContext({ dbPath });
    try {
      const count = () =>
        app.db.prepare(`SELECT count(*) FROM posts WHERE body = ?`).pluck().get(failure.body) as number;
      const before = count();
      // The answer was the truth: "not saved" means absent, a stored outcome means present.
      if (failure.code !== 'OUTCOME_UNKNOWN') expect(before).toBe(0);
      const retry = await app.dispatch('posts:create', { userId: 1, body: failure.body, key: failure.key });
      expect(retry).toMatchObject({ ok: true, value: { body: failure.body } });
      const again = await app.dispatch('posts:create', { userId: 1, body: failure.body, key: failure.key });
      expect(again).toEqual(retry);
      expect(count()).toBe(1);
    } finally {
      app.close();
    }
  }, 120_000);
});
