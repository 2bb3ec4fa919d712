import type Database from 'better-sqlite3';
import type { Db } from './connection';
import { decodeCursor, encodeCursor } from './cursor';
import { MicroblogError } from './errors';
import { listSize } from './follows';
import type { Page, PageOptions } from './models';
import { parseSearch } from './search-query';
import type { SearchHit } from './social-models';
import { say } from './sentences';

export type { SearchHit } from './social-models';

/** Private-use characters that mark matches in highlight()'s output; split on, never shown. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const NEWEST = Number.MAX_SAFE_INTEGER;
const REJECTED_SENTENCE = say('errors.searchUnclear');

const COLUMNS = `p.id AS id, p.body AS body, p.timestamp AS timestamp, p.user_id AS userId, p.edited_at AS editedAt, u.username AS username`;

/** Each filter is one clause over `p` (the post) with one positional parameter, after the cursor's. */
export const SEARCH_FILTERS = {
  from: `p.user_id = ?`,
} as const;
export type SearchFilter = keyof typeof SEARCH_FILTERS;

/**
 * Full-text matches newest first: the FTS5 index walked by rowid (= post id, which grows with
 * time) descending from the second parameter, so a word in every post still reads one page of
 * rows. Parameters: the match, the rowid to start below, one per filter, the limit.
 */
export function searchSql(filters: readonly SearchFilter[]): string {
  const extra = filters.map((name) => ` AND ${SEARCH_FILTERS[name]}`).join('');
  return `SELECT ${COLUMNS}, highlight(posts_fts, 0, '${OPEN}', '${CLOSE}') AS marked
    FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid JOIN users u ON u.id = p.user_id
    WHERE posts_fts MATCH ? AND posts_fts.rowid < ?${extra}
    ORDER BY posts_fts.rowid DESC LIMIT ?`;
}

/** Filters alone (`from:ann`, no words): that profile's posts, newest first, on its own index. */
export const FILTERED_SQL = `SELECT ${COLUMNS}, NULL AS marked FROM posts p JOIN users u ON u.id = p.user_id
  WHERE p.user_id = ? AND (p.timestamp, p.id) < (?, ?) ORDER BY p.timestamp DESC, p.id DESC LIMIT ?`;

/** The id just above the newest post older than the cursor: where a search page starts. */
export const BELOW_SQL = `SELECT id + 1 FROM posts p WHERE (p.timestamp, p.id) < (?, ?)
  ORDER BY p.timestamp DESC, p.id DESC LIMIT 1`;

type Row = Omit<SearchHit, 'highlights'> & { marked: string | null };
type Param = string | number;

/** The `[start, end)` ranges between the markers; none when the body itself holds a marker. */
export function highlightRanges(marked: string | null, body: string): [number, number][] {
  if (marked === null || body.includes(OPEN) || body.includes(CLOSE)) return [];
  const ranges: [number, number][] = [];
  // Each marker is one UTF-16 unit, so a body offset is the marked offset less the markers before it.
  for (let open = marked.indexOf(OPEN); open !== -1; open = marked.indexOf(OPEN, open + 1)) {
    const close = marked.indexOf(CLOSE, open + 1);
    if (close === -1) return [];
    const before = 2 * ranges.length;
    ranges.push([open - before, close - before - 1]);
    open = close;
  }
  return marked.length - 2 * ranges.length === body.length ? ranges : [];
}

/** A row as a hit: the marked body becomes ranges (written out: spreading a row costs more). */
function toHit(row: Row): SearchHit {
  return {
    id: row.id,
    body: row.body,
    timestamp: row.timestamp,
    userId: row.userId,
    editedAt: row.editedAt,
    username: row.username,
    highlights: highlightRanges(row.marked, row.body),
  };
}

function isFts5Rejection(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as Error & { code?: unknown }).code === 'SQLITE_ERROR' &&
    /fts5|syntax error|no such column/i.test(error.message)
  );
}

/** Search over posts: the parsed query, its filters, keyset pages, highlights as ranges. */
export function createSearchRepository(db: Db) {
  const prepare = (sql: string) => db.prepare<Param[], Row>(sql);
  const words = prepare(searchSql([]));
  const wordsFrom = prepare(searchSql(['from']));
  const filtered = prepare(FILTERED_SQL);
  const below = db.prepare<[string, number], number>(BELOW_SQL).pluck();
  const userId = db.prepare<[string], number>(`SELECT id FROM users WHERE username = ?`).pluck();

  const run = (statement: Database.Statement<Param[], Row>, params: Param[]): Row[] => {
    try {
      return statement.all(...params);
    } catch (error) {
      if (isFts5Rejection(error)) throw new MicroblogError('INVALID_INPUT', REJECTED_SENTENCE, 'query');
      throw error;
    }
  };

  return {
    /** Posts matching `query`, newest first; a sentence (INVALID_INPUT) for a query with nothing to find. */
    posts(query: string, options: PageOptions = {}): Page<SearchHit> {
      const size = listSize(options.limit);
      const parsed = parseSearch(query);
      if ('problem' in parsed) throw new MicroblogError('INVALID_INPUT', parsed.problem, 'query');
      let from: number | undefined;
      if (parsed.from !== null) {
        from = userId.get(parsed.from);
        if (from === undefined) {
          throw new MicroblogError(
            'USER_NOT_FOUND',
            say('errors.noProfileNamed', { username: parsed.from }),
            'query',
          );
        }
      }
      const at = options.cursor ? decodeCursor(options.cursor) : null;
      let rows: Row[];
      if (parsed.match === null) {
        rows = run(filtered, [from as number, at?.timestamp ?? '9999', at?.id ?? NEWEST, size + 1]);
      } else {
        const start = at ? below.get(at.timestamp, at.id) : NEWEST;
        if (start === undefined) rows = [];
        else if (from === undefined) rows = run(words, [parsed.match, start, size + 1]);
        else rows = run(wordsFrom, [parsed.match, start, from, size + 1]);
      }
      // One row more than the page says whether another follows; only the page's rows are mapped.
      const more = rows.length > size;
      const items = (more ? rows.slice(0, size) : rows).map(toHit);
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor(last) : null };
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
