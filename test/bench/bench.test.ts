import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../electron/db/index';
import { runBenchmark } from './bench';
import { formatStartupScale, measureStartupScale } from './startup-scale';
import { prepareInputs } from './inputs';
import { operations } from './ops';
import { createRawSide } from './raw';
import { CheckFailure, checkTimeline, checkUserPage } from './checks';
import {
  OP_KEYS,
  randomIds,
  timelineIds,
  userPostIds,
  usersByUsernameDesc,
  usersStartingWithS,
} from './workload';
import { migrations } from '../../migrations/index';
import { tempDir } from '../fixtures/test';

const tiny = { users: 30, posts: 500 };

describe('the benchmark workload', () => {
  it('derives the expected answers from the rules', () => {
    // xorshift32 seeded with 2463534242 + 4: the first value is fixed by the algorithm.
    let x = 2463534246;
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    expect(randomIds(4, 1, 1000)).toEqual([(x % 1000) + 1]);
    expect(randomIds(4, 3, 30).every((id) => id >= 1 && id <= 30)).toBe(true);
    // User 3 wrote bulk posts 3, 33, 63, … and posting posts 3, 33, … (ids 503, 533, …).
    expect(userPostIds(3, tiny).slice(0, 3)).toEqual([500 + 993, 500 + 963, 500 + 933]);
    expect(timelineIds(tiny, 0).slice(0, 2)).toEqual([1500, 1499]);
    expect(usersByUsernameDesc(30).slice(0, 2)).toEqual([26, 25]);
    expect(usersStartingWithS(30)).toEqual([19]);
  });

  it('catches a wrong page, a wrong author and a wrong user', () => {
    const page = timelineIds(tiny, 0).map((id) => ({ id, userId: ((id - 501) % 30) + 1, username: '' }));
    expect(() => checkTimeline(page.slice(1), timelineIds(tiny, 0), tiny, 'page')).toThrow(CheckFailure);
    expect(() => checkTimeline(page, timelineIds(tiny, 0), tiny, 'page')).toThrow(/username/);
    const posts = userPostIds(7, tiny).map((id) => ({ id, userId: 8 }));
    expect(() => checkUserPage({ user: { id: 7, username: 'guser000007' }, posts }, 7, tiny, 'u')).toThrow(
      /author/,
    );
    expect(() => checkUserPage({ user: { id: 7, username: 'x' }, posts }, 7, tiny, 'u')).toThrow(
      CheckFailure,
    );
  });

  it('fails an operation whose rows in the file do not match, even when its loop returned the right ids', async () => {
    const db = openDatabase(path.join(tempDir('bench-check'), 'raw.db'));
    try {
      await migrateToLatest(db, { migrations });
      const side = createRawSide(db);
      const createUsers = operations(prepareInputs(tiny, [])).find((op) => op.key === '1_create_users');
      if (!createUsers) throw new Error('no 1_create_users operation');
      const ids = createUsers.run(side, undefined);
      createUsers.check(side, ids);
      db.prepare(`UPDATE users SET username = 'tampered' WHERE id = 5`).run();
      expect(() => createUsers.check(side, ids)).toThrow(CheckFailure);
    } finally {
      db.close();
    }
  });

  it('runs every operation on both sides with tiny sizes, all checks passing', async () => {
    // Repeated: every read-only operation is checked on each run; a writing one run twice would
    // fail its own check (a second user with the same name, 2,000 posts posted).
    const result = await runBenchmark(tiny, { rounds: 1, repeat: 2, extras: true });
    expect(Object.keys(result.ops)).toEqual([...OP_KEYS]);
    for (const key of OP_KEYS) {
      const op = result.ops[key];
      expect(op?.project_per_sec).toBeGreaterThan(0);
      expect(op?.raw_per_sec).toBeGreaterThan(0);
      expect(Number.isFinite(op?.ratio)).toBe(true);
      expect(op?.cpu_ratio).toBeGreaterThan(0);
    }
    expect(result.ops['2_bulk_insert_posts']?.n).toBe(500);
    expect(result.pragmas).toMatchObject({ journal_mode: 'wal', foreign_keys: 1 });
    expect(result.extras?.timeline_deep_page.depth).toBe(1450);
    expect(result.extras?.file_bytes).toBeGreaterThan(0);
  }, 60_000);

  it('times startup at two sizes on cleanly closed files, each clean start skipping quick_check', async () => {
    const folder = tempDir('bench-startup');
    const scale = await measureStartupScale(folder, { users: 3, small: 50, large: 500 }, () => undefined);
    expect(scale.small.posts).toBe(50);
    expect(scale.large.posts).toBe(500);
    expect(scale.large.file_bytes).toBeGreaterThan(scale.small.file_bytes);
    expect(scale.ratio).toBeCloseTo(scale.large.median_ms / scale.small.median_ms);
    expect(formatStartupScale(scale)).toMatch(/startup ratio 500 \/ 50: /);
  }, 60_000);
});
