/**
 * The write paths the fault-injection test runs under strace, and what must be true after each
 * run: the file intact, every acknowledged post there, no post said to be unsaved there, and
 * every sentence one of ours. Each scenario prepares a fresh database in its own folder.
 */
import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { knownMigrationNames, listAppliedMigrations } from '../../electron/db/migration-history';
import { createMigrator } from '../../electron/db/migrator';
import { ACTIVE_USER_KEY } from '../../electron/ipc/session-state';
import { migrations } from '../../migrations/index';
import { backupFolder, listBackups } from '../../electron/data/backups';
import { seedDatabase } from '../fixtures/seed';
import {
  type RunOutput,
  type Verdict,
  UNCERTAIN,
  checkPosts,
  inspect,
  lastLine,
  sentenceProblem,
  verdict,
} from './faults-checks';

export type { RunOutput, Verdict } from './faults-checks';

export type ScenarioName = 'post' | 'startup-upgrade' | 'seed' | 'db-upgrade' | 'backup';

export interface Prepared {
  /** The files strace injects faults into (-P). */
  paths: string[];
  /** Arguments after `node --import tsx`. */
  args: string[];
  env: Record<string, string>;
  check(output: RunOutput): Promise<Verdict>;
}

const BEFORE_0005 = '0004-create-settings';
const SEED_POSTS = 30;

const sidecars = (file: string): string[] => ['', '-wal', '-shm', '-journal'].map((s) => `${file}${s}`);

/** A database at 0004 with a profile and posts: what startup and `db upgrade` migrate. */
async function at0004(file: string): Promise<void> {
  const db = openDatabase(file);
  await createMigrator(db, { migrations }).up({ to: BEFORE_0005 });
  db.exec(`INSERT INTO users (username, email) VALUES ('fault', 'fault@example.com')`);
  // Active since an earlier session, so the app may post as it without writing first.
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(ACTIVE_USER_KEY);
  const insert = db.prepare(`INSERT INTO posts (body, user_id) VALUES (?, 1)`);
  for (let i = 0; i < 20; i++) insert.run(`older post ${i}`);
  db.pragma('journal_mode = DELETE');
  db.close();
}

/** Builds a scenario's database in `dir` and says how to run and check it. */
export async function prepare(name: ScenarioName, dir: string): Promise<Prepared> {
  const dbPath = path.join(dir, 'microblog.db');
  const tool = { MICROBLOG_DB: dbPath };
  if (name === 'post' || name === 'startup-upgrade') {
    if (name === 'post') await seedDatabase(dbPath, { users: 1, posts: 5, journal: 'delete', active: 1 });
    else await at0004(dbPath);
    return {
      paths: sidecars(dbPath),
      args: ['test/reliability/children/fault-app.ts', dbPath, '1', '3', 'fault'],
      env: {},
      check: (output) => checkPosts(dbPath, output),
    };
  }
  if (name === 'seed') {
    await seedDatabase(dbPath, { users: 1, posts: 5, journal: 'delete' });
    return {
      paths: sidecars(dbPath),
      args: ['electron/cli/seed.ts', '--users', '2', '--posts', String(SEED_POSTS)],
      env: tool,
      check: async (output) => {
        const v = verdict();
        const { intact, value: posts } = inspect(dbPath, (db) =>
          db.prepare('SELECT count(*) FROM posts').pluck().get(),
        );
        v.corrupt = !intact;
        if (output.code === 0) v.lost += posts === 5 + SEED_POSTS ? 0 : SEED_POSTS;
        else {
          v.failed = true;
          const sentence = lastLine(output.stderr);
          const problem = sentenceProblem(sentence, intact);
          if (problem) v.wrongSentences.push(problem);
          const allowed = UNCERTAIN.includes(sentence) ? [5, 5 + SEED_POSTS] : [5];
          if (!allowed.includes(Number(posts))) v.phantom++;
        }
        return v;
      },
    };
  }
  if (name === 'db-upgrade') {
    await at0004(dbPath);
    const before = knownMigrationNames(migrations).slice(
      0,
      knownMigrationNames(migrations).indexOf(BEFORE_0005) + 1,
    );
    return {
      paths: sidecars(dbPath),
      args: ['electron/cli/db.ts', 'upgrade'],
      env: tool,
      check: async (output) => {
        const v = verdict();
        const { intact, value } = inspect(dbPath, (db) => ({
          applied: listAppliedMigrations(db).map((m) => m.name),
          posts: db.prepare('SELECT count(*) FROM posts').pluck().get(),
        }));
        v.corrupt = !intact;
        const atHead = JSON.stringify(value?.applied) === JSON.stringify(knownMigrationNames(migrations));
        const atBefore = JSON.stringify(value?.applied) === JSON.stringify(before);
        if (value?.posts !== 20) v.lost++;
        if (output.code === 0 && !atHead) v.lost++;
        if (output.code !== 0) {
          v.failed = true;
          const sentence = lastLine(output.stderr);
          const problem = sentenceProblem(sentence, intact);
          if (problem) v.wrongSentences.push(problem);
          // The tool applies one migration per transaction and prints each it applied: the file
          // must hold exactly those. After a sentence that says the outcome is unknown, the step
          // it stopped at may have landed or not: the one after the last printed, or the last printed.
          const said = [...output.stdout.matchAll(/^ {2}applied {2}(\S+)/gm)].map((m) => m[1] as string);
          const names = knownMigrationNames(migrations);
          const same = (list: string[]) => JSON.stringify(value?.applied) === JSON.stringify(list);
          const told = same([...before, ...said]);
          const next = names[before.length + said.length];
          const eitherWay =
            same([...before, ...said, ...(next ? [next] : [])]) || same([...before, ...said.slice(0, -1)]);
          if (!(atBefore || told || (UNCERTAIN.includes(sentence) && (atHead || eitherWay)))) v.phantom++;
        }
        return v;
      },
    };
  }
  await seedDatabase(dbPath, { users: 1, posts: 5, journal: 'delete' });
  const backup = path.join(backupFolder(dbPath), 'microblog-2026-01-01T00-00-00Z-before-fault-target.db');
  return {
    paths: [...sidecars(dbPath), ...sidecars(backup), ...sidecars(`${backup}.partial`)],
    args: ['test/reliability/children/fault-backup.ts', dbPath],
    env: {},
    check: async (output) => {
      const v = verdict();
      const ok = output.stdout.includes('"ok":true');
      v.failed = !ok;
      v.corrupt = !inspect(dbPath, () => undefined).intact;
      const copy = inspect(backup, (db) => db.prepare('SELECT count(*) FROM posts').pluck().get());
      // A backup that is listed is complete; a failed one is never listed (a leftover .partial is not).
      if (ok && (!copy.intact || copy.value !== 5)) v.lost++;
      for (const listed of listBackups(dbPath)) {
        if (!inspect(listed.path, () => undefined).intact) v.phantom++;
      }
      if (!ok && listBackups(dbPath).length > 0) v.phantom++;
      if (output.code !== 0) v.wrongSentences.push(`crashed: ${output.stderr.slice(-300)}`);
      return v;
    },
  };
}
