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
/** For paging back up: the posts just newer than a cursor, read nearest first. */
export const OLDEST_FIRST = `ORDER BY p.timestamp ASC, p.id ASC LIMIT ?`;

/** The page size asked for, or INVALID_INPUT when out of range. */
export function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX) {
    throw new MicroblogError('INVALID_INPUT', PAGE_SIZE_SENTENCE, 'limit');
  }
  return size;
}

/**
 * Fetches one row more than asked, to know whether another page follows without a count.
 * After a cursor there is something newer: the page before, which starts at this page's first post.
 */
export function toPage<T extends Post>(rows: T[], size: number, cursor?: string | null): Page<T> {
  const items = rows.length <= size ? rows : rows.slice(0, size);
  const last = items.at(-1);
  const nextCursor = rows.length > size && last ? encodeCursor(last) : null;
  const first = items[0];
  const prevCursor = cursor ? (first ? encodeCursor(first) : cursor) : null;
  return { items, nextCursor, prevCursor };
}

/**
 * A page read oldest first from just after the cursor (one row more than asked), turned
 * newest first: `prevCursor` is null when nothing newer is left, `nextCursor` leads back down.
 */
export function toNewerPage<T extends Post>(rows: T[], size: number, cursor: string): Page<T> {
  const items = rows.slice(0, size).reverse();
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    nextCursor: last ? encodeCursor(last) : cursor,
    prevCursor: rows.length > size && first ? encodeCursor(first) : null,
  };
}
