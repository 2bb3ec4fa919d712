import crypto from 'node:crypto';
import type { Db } from './connection';

/**
 * Gives the file a random id in its header's user_version (which Microblog does not otherwise
 * use) if it has none yet. Every copy of page 1 that SQLite writes into the -wal carries it,
 * so a -wal left beside the file by another database can be told apart. Returns the id.
 */
export function ensureFileId(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current !== 0) return current;
  const id = crypto.randomInt(1, 2 ** 31);
  db.pragma(`user_version = ${id}`);
  return id;
}
