import { encodeCursor } from './cursor';
import { MicroblogError } from './errors';
import type { Page, Post } from './models';
import { PAGE_SIZE_MAX, PAGE_SIZE_SENTENCE } from './rules';

const DEFAULT_PAGE_SIZE = 20;
/** A post's columns as the Post record names them (`p` is posts). */
export const POST = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId, p.edited_at AS editedAt`;
/** A post with its author's username (`u` is users). */
export const TIMELINE_POST = `${POST}, u.username AS username`;
export const NEWEST_FIRST = `ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`;

/** The page size asked for, or INVALID_INPUT when out of range. */
export function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX) {
    throw new MicroblogError('INVALID_INPUT', PAGE_SIZE_SENTENCE, 'limit');
  }
  return size;
}

/** Fetches one row more than asked, to know whether another page follows without a count. */
export function toPage<T extends Post>(rows: T[], size: number): Page<T> {
  if (rows.length <= size) return { items: rows, nextCursor: null };
  const items = rows.slice(0, size);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor(last) };
}
