/**
 * What must hold after a fault-injection run, and how to read it off the file: the checks
 * shared by every scenario, and the whole check of the app runs (posts and a delete).
 */
import fs from 'node:fs';
import { openDatabase, type Db } from '../../electron/db/connection';
import { STORAGE_VOCABULARY, TOOL_DISK_FULL, TOOL_OUTCOME_UNKNOWN } from '../../electron/db/sqlite-errors';
import { createAppContext } from '../../electron/main/app-context';

/** What one run did wrong; all zero/false is a right answer. */
export interface Verdict {
  lost: number;
  phantom: number;
  corrupt: boolean;
  wrongSentences: string[];
  duplicatesAfterRetry: number;
  /** The run met the fault: something failed or was refused (else the fault missed the path). */
  failed: boolean;
  /** What the app answered, by code (`ok` for success, `startup:<reason>` for a refusal). */
  answers: Record<string, number>;
}

export interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The tools' sentences for a failure that may have come after COMMIT. */
export const UNCERTAIN = [TOOL_OUTCOME_UNKNOWN, TOOL_DISK_FULL];
export const RAW_SQLITE =
  /disk I\/O error|database or disk is full|readonly database|no such (table|column)|SQLITE_|malformed/i;
/** Startup's and the guard's own sentences: they name the file and say it was left alone. */
export const REFUSAL = new RegExp(
  [
    /^(The database .+|Microblog could not .+) It was not changed\.( A backup .+)?$/.source,
    /^The disk holding .+ (is full|reported an error), so Microblog could not open it\. .+ start Microblog again\.$/
      .source,
    /^Microblog cannot write to .+, so it could not open it\. .+ start Microblog again\.$/.source,
  ].join('|'),
);

export const verdict = (): Verdict => ({
  lost: 0,
  phantom: 0,
  corrupt: false,
  wrongSentences: [],
  duplicatesAfterRetry: 0,
  failed: false,
  answers: {},
});

/** One of our sentences, and not a claim of damage about a file that is intact. */
export function sentenceProblem(sentence: string, intact: boolean): string | undefined {
  if (RAW_SQLITE.test(sentence)) return sentence;
  if (!STORAGE_VOCABULARY.includes(sentence) && !REFUSAL.test(sentence)) return sentence;
  if (intact && /damaged/.test(sentence)) return `${sentence} (the file is intact)`;
  return undefined;
}

/** Opens the file after the run (SQLite recovers its log as the next app start would). */
export function inspect<T>(file: string, read: (db: Db) => T): { intact: boolean; value: T | undefined } {
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
export async function checkPosts(dbPath: string, output: RunOutput): Promise<Verdict> {
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
    const said =
      answer.startup !== undefined ? `startup:${answer.startup}` : answer.ok ? 'ok' : String(answer.code);
    v.answers[said] = (v.answers[said] ?? 0) + 1;
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
export const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';
