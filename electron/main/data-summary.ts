/** What a database file holds, in the words a user checks it by: how many posts, and the newest. */
import Database from 'better-sqlite3';
import type { TFunction } from 'i18next';
import { createRepositories } from '../db/index';
import { translatorFor } from './i18n';

export type DataSummary =
  /** `servable`: the app's repositories work on it, so it can be opened read-only. */
  | { state: 'readable'; posts: number; newestPost: string | null; servable: boolean }
  | { state: 'unreadable' }
  /** Not opened, because opening would apply a sidecar that does not belong to the file. */
  | { state: 'not-read' };

/**
 * Opens `file` read-only (never writing it) and counts its posts. Any failure means SQLite
 * cannot read it: a busy lock is not waited for, a refusal must show at once.
 */
export function summarizeData(file: string): DataSummary {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    const row = db.prepare(`SELECT count(*) AS posts, max(timestamp) AS newest FROM posts`).get() as {
      posts: number;
      newest: string | null;
    };
    return { state: 'readable', posts: row.posts, newestPost: row.newest, servable: servable(db) };
  } catch {
    return { state: 'unreadable' };
  } finally {
    db?.close();
  }
}

function servable(db: Database.Database): boolean {
  try {
    createRepositories(db);
    return true;
  } catch {
    return false;
  }
}

/** True when `a` holds something `b` does not show: more posts, or a newer newest post. */
export function holdsMore(a: DataSummary, b: DataSummary): boolean {
  if (a.state !== 'readable') return false;
  if (b.state !== 'readable') return a.posts > 0;
  return a.posts > b.posts || (a.newestPost ?? '') > (b.newestPost ?? '');
}

/** "412 posts, the newest from 23/11/2026, 21:40:00", or why there is nothing to say, in `t`'s language. */
export function describeData(
  summary: DataSummary,
  t: TFunction = translatorFor().t,
  locale?: string,
): string {
  if (summary.state === 'not-read') return t('main.data.notRead');
  if (summary.state === 'unreadable') return t('main.data.unreadable');
  if (summary.posts === 0) return t('main.data.noPosts');
  const newest = summary.newestPost === null ? null : new Date(summary.newestPost);
  if (!newest || Number.isNaN(newest.getTime())) return t('main.data.posts', { count: summary.posts });
  return t('main.data.postsNewest', { count: summary.posts, when: newest.toLocaleString(locale) });
}
