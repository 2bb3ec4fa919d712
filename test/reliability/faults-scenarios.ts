/**
 * The write paths the fault-injection test runs under strace, and what must be true after each
 * run: the file intact, every acknowledged post there, no post said to be unsaved there, and
 * every sentence one of ours. Each scenario prepares a fresh database in its own folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/db/connection';
import { createMigrator, knownMigrationNames, listAppliedMigrations } from '../../electron/db/migrator';
import { STORAGE_VOCABULARY, TOOL_OUTCOME_UNKNOWN } from '../../electron/db/sqlite-errors';
import { createAppContext } from '../../electron/main/app-context';
import { backupFolder, listBackups } from '../../electron/main/backups';
import { makeMigrated } from '../db/fixtures';

export type ScenarioName = 'post' | 'startup-upgrade' | 'seed' | 'db-upgrade' | 'backup';

/** What one run did wrong; all zero/false is a right answer. */
export interface Verdict {
  lost: number;
  phantom: number;
  corrupt: boolean;
  wrongSentences: string[];
  duplicatesAfterRetry: number;
  /** The run met the fault: something failed or was refused (else the fault missed the path). */
  failed: boolean;
}

export interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

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
const RAW_SQLITE =
  /disk I\/O error|database or disk is full|readonly database|no such (table|column)|SQLITE_|malformed/i;
/** Startup's and the guard's own sentences: they name the file and say it was left alone. */
const REFUSAL = new RegExp(
  [
    /^(The database .+|Microblog could not .+) It was not changed\.( A backup .+)?$/.source,
    /^The disk holding .+ (is full|reported an error), so Microblog could not open it\. .+ start Microblog again\.$/
      .source,
    /^Microblog cannot write to .+, so it could not open it\. .+ start Microblog again\.$/.source,
  ].join('|'),
);

const sidecars = (file: string): string[] => ['', '-wal', '-shm', '-journal'].map((s) => `${file}${s}`);
const verdict = (): Verdict => ({
  lost: 0,
  phantom: 0,
  corrupt: false,
  wrongSentences: [],
  duplicatesAfterRetry: 0,
  failed: false,
});

/** One of our sentences, and not a claim of damage about a file that is intact. */
function sentenceProblem(sentence: string, intact: boolean): string | undefined {
  if (RAW_SQLITE.test(sentence)) return sentence;
  if (!STORAGE_VOCABULARY.includes(sentence) && !REFUSAL.test(sentence)) return sentence;
  if (intact && /damaged/.test(sentence)) return `${sentence} (the file is intact)`;
  return undefined;
}

/** Opens the file after the run (SQLite recovers its log as the next app start would). */
function inspect<T>(file: string, read: (db: Db) => T): { intact: boolean; value: T | undefined } {
  let db: Db | undefined;
  if (!fs.existsSync(file)) return { intact: false, value: undefined };
  try {
    db = openDatabase(file);
    const intact = db.pragma('integrity_check', { simple: true }) === 'ok';
    return { intact, value: read(db) };
  } catch {
    return { intact: false, value: undefined };
  } finally {
    db?.close();
  }
}

/** A database at 0004 with a profile and posts: what startup and `db upgrade` migrate. */
async function at0004(file: string): Promise<void> {
  const db = openDatabase(file);
  await createMigrator(db).up({ to: BEFORE_0005 });
  db.exec(`INSERT INTO users (username, email) VALUES ('fault', 'fault@example.com')`);
  const insert = db.prepare(`INSERT INTO posts (body, user_id) VALUES (?, 1)`);
  for (let i = 0; i < 20; i++) insert.run(`older post ${i}`);
  db.pragma('journal_mode = DELETE');
  db.close();
}

interface Answer {
  delete?: number;
  key?: string;
  body?: string;
  ok?: boolean;
  code?: string;
  message?: string;
  startup?: string;
}

const countId = (db: Db, id: number): number =>
  db.prepare<[number], number>(`SELECT count(*) FROM posts WHERE id = ?`).pluck().get(id) ?? 0;
const countBody = (db: Db, body: string): number =>
  db.prepare<[string], number>(`SELECT count(*) FROM posts WHERE body = ?`).pluck().get(body) ?? 0;

/** Posts through the app under faults, then retries every failed post with its key, faults gone. */
async function checkPosts(dbPath: string, output: RunOutput): Promise<Verdict> {
  const v = verdict();
  const answers = output.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Answer);
  if (output.code !== 0 || answers.length === 0)
    v.wrongSentences.push(`crashed: ${output.stderr.slice(-300)}`);
  const { intact, value: present } = inspect(dbPath, (db) =>
    answers.map((a) => (a.delete === undefined ? countBody(db, a.body ?? '') : countId(db, a.delete))),
  );
  v.corrupt = !intact;
  answers.forEach((answer, i) => {
    const count = present?.[i] ?? 0;
    if (answer.startup !== undefined || !answer.ok) v.failed = true;
    const problem = answer.ok ? undefined : sentenceProblem(answer.message ?? '', intact);
    if (problem) v.wrongSentences.push(problem);
    if (answer.delete !== undefined) {
      // A delete said done must be gone; a delete said not done must still be there.
      if (answer.ok && count !== 0) v.lost++;
      if (answer.ok === false && answer.code !== 'OUTCOME_UNKNOWN' && count === 0) v.phantom++;
      return;
    }
    if (answer.ok && count !== 1) v.lost += count === 0 ? 1 : 0;
    if (answer.ok && count > 1) v.duplicatesAfterRetry += count - 1;
    if (answer.ok === false && answer.code !== 'OUTCOME_UNKNOWN' && count > 0) v.phantom++;
  });
  if (!intact) return v;
  const app = await createAppContext({ dbPath });
  try {
    for (const answer of answers.filter((a) => a.ok === false && a.delete !== undefined)) {
      const retry = await app.dispatch('posts:delete', {
        postId: answer.delete,
        userId: 1,
        key: 'fault-delete',
      });
      if (!retry.ok) v.wrongSentences.push(`delete retry failed without faults: ${retry.error.message}`);
    }
    for (const answer of answers.filter((a) => a.ok === false && a.delete === undefined)) {
      const retry = await app.dispatch('posts:create', { userId: 1, body: answer.body, key: answer.key });
      if (!retry.ok) v.wrongSentences.push(`retry failed without faults: ${retry.error.message}`);
      const count = countBody(app.db, answer.body ?? '');
      if (count > 1) v.duplicatesAfterRetry += count - 1;
      if (count === 0) v.lost++;
    }
  } finally {
    app.close();
  }
  return v;
}

/** The last line a CLI tool printed on stderr: what the user read. */
const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

/** Builds a scenario's database in `dir` and says how to run and check it. */
export async function prepare(name: ScenarioName, dir: string): Promise<Prepared> {
  const dbPath = path.join(dir, 'microblog.db');
  const tool = { MICROBLOG_DB: dbPath };
  if (name === 'post' || name === 'startup-upgrade') {
    if (name === 'post') await makeMigrated(dbPath, 5);
    else await at0004(dbPath);
    return {
      paths: sidecars(dbPath),
      args: ['test/reliability/children/fault-app.ts', dbPath, '1', '3', 'fault'],
      env: {},
      check: (output) => checkPosts(dbPath, output),
    };
  }
  if (name === 'seed') {
    await makeMigrated(dbPath, 5);
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
          const allowed = sentence === TOOL_OUTCOME_UNKNOWN ? [5, 5 + SEED_POSTS] : [5];
          if (!allowed.includes(Number(posts))) v.phantom++;
        }
        return v;
      },
    };
  }
  if (name === 'db-upgrade') {
    await at0004(dbPath);
    const before = knownMigrationNames().slice(0, knownMigrationNames().indexOf(BEFORE_0005) + 1);
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
        const atHead = JSON.stringify(value?.applied) === JSON.stringify(knownMigrationNames());
        const atBefore = JSON.stringify(value?.applied) === JSON.stringify(before);
        if (value?.posts !== 20) v.lost++;
        if (output.code === 0 && !atHead) v.lost++;
        if (output.code !== 0) {
          v.failed = true;
          const sentence = lastLine(output.stderr);
          const problem = sentenceProblem(sentence, intact);
          if (problem) v.wrongSentences.push(problem);
          if (!(atBefore || (sentence === TOOL_OUTCOME_UNKNOWN && atHead))) v.phantom++;
        }
        return v;
      },
    };
  }
  await makeMigrated(dbPath, 5);
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
