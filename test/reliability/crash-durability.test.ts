import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories, listAppliedMigrations, openDatabase } from '../../electron/db/index';
import { knownMigrationNames } from '../../electron/db/migrator';
import { startDatabase } from '../../electron/main/startup';
import { runScript, seededRandom, tempFolder } from '../fixtures/index';
import { migrations } from '../../migrations/index';

const ROUNDS = 20;
const WRITER = 'test/reliability/children/post-writer.ts';
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const folder = tempFolder('crash');
afterAll(() => folder.remove());

describe('crash durability', () => {
  it(`keeps every committed post when the writer is SIGKILLed, ${ROUNDS} rounds (seed ${seed})`, async () => {
    console.log(`crash durability: seed ${seed} (replay with CRASH_SEED=${seed})`);
    const random = seededRandom(seed);
    const dbPath = path.join(folder.dir, 'microblog.db');
    const started = await startDatabase({ dbPath });
    if (!started.ok) throw new Error(started.message);
    const user = createRepositories(started.db).users.create({
      username: 'crash',
      email: 'crash@example.com',
    });
    started.db.close();

    const committed = new Set<number>();
    const perRound: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const writer = runScript(WRITER, [dbPath, String(user.id)]);
      await writer.waitForLine((line) => line === 'ready');
      // Somewhere between a few and a few hundred commits in.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 150)));
      writer.child.kill('SIGKILL');
      const { signal } = await writer.exited;
      expect(signal, `round ${round}: the writer died on its own: ${writer.stderr()}`).toBe('SIGKILL');
      const printed = writer.lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.slice(10)));
      for (const id of printed) committed.add(id);

      const db = openDatabase(dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        expect(listAppliedMigrations(db).map((m) => m.name)).toEqual(knownMigrationNames(migrations));
        const present = new Set(db.prepare('SELECT id FROM posts').pluck().all() as number[]);
        const lost = [...committed].filter((id) => !present.has(id));
        expect(lost, `round ${round}: committed ids missing after the kill`).toEqual([]);
      } finally {
        db.close();
      }
      perRound.push(printed.length);
    }
    console.log(
      `crash durability: ${ROUNDS} SIGKILL rounds, commits printed per round ${perRound.join(' ')}; ` +
        `${committed.size} committed ids all present, integrity ok after every round`,
    );
    expect(committed.size).toBeGreaterThan(ROUNDS);
  }, 120_000);
});
