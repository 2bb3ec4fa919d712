import { MicroblogError } from './errors';
import { BAD_CURSOR_SENTENCE } from './rules';

/** Where a page of posts ends: the last post's timestamp and id (ties broken by id). */
export interface PostCursor {
  timestamp: string;
  id: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An opaque string for the renderer: `<timestamp>_<id>`. */
export function encodeCursor(cursor: PostCursor): string {
  return `${cursor.timestamp}_${cursor.id}`;
}

/** Parses a cursor from `encodeCursor`, or fails with INVALID_CURSOR. */
export function decodeCursor(text: string): PostCursor {
  const [timestamp, idText, ...rest] = text.split('_');
  const id = Number(idText);
  if (
    rest.length > 0 ||
    timestamp === undefined ||
    !TIMESTAMP.test(timestamp) ||
    !Number.isSafeInteger(id) ||
    id < 1
  ) {
    throw new MicroblogError('INVALID_CURSOR', BAD_CURSOR_SENTENCE, 'cursor');
  }
  return { timestamp, id };
}

/** A cursor that starts a newest-first page at the newest post strictly older than `timestamp`. */
export function cursorBefore(timestamp: string): string {
  // Ids start at 1, so (timestamp, 1) has no post at `timestamp` itself before it.
  return encodeCursor({ timestamp, id: 1 });
}
