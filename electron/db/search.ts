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

/** Each filter is one clause over `p` (the post) with its own named parameter. */
export const SEARCH_FILTERS = {
  from: `p.user_id = :from`,
} as const;
export type SearchFilter = keyof typeof SEARCH_FILTERS;

/**
 * Full-text matches newest first: the FTS5 index walked by rowid (= post id, which grows with
 * time) descending from `:below`, so a word in every post still reads one page of rows.
 */
export function searchSql(filters: readonly SearchFilter[]): string {
  const extra = filters.map((name) => ` AND ${SEARCH_FILTERS[name]}`).join('');
  return `SELECT ${COLUMNS}, highlight(posts_fts, 0, '${OPEN}', '${CLOSE}') AS marked
    FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid JOIN users u ON u.id = p.user_id
    WHERE posts_fts MATCH :match AND posts_fts.rowid < :below${extra}
    ORDER BY posts_fts.rowid DESC LIMIT :lim`;
}

/** Filters alone (`from:ann`, no words): that profile's posts, newest first, on its own index. */
export const FILTERED_SQL = `SELECT ${COLUMNS}, NULL AS marked FROM posts p JOIN users u ON u.id = p.user_id
  WHERE p.user_id = :from AND (p.timestamp, p.id) < (:ts, :id) ORDER BY p.timestamp DESC, p.id DESC LIMIT :lim`;

/** The id just above the newest post older than the cursor: where a search page starts. */
export const BELOW_SQL = `SELECT id + 1 FROM posts p WHERE (p.timestamp, p.id) < (?, ?)
  ORDER BY p.timestamp DESC, p.id DESC LIMIT 1`;

type Row = Omit<SearchHit, 'highlights'> & { marked: string | null };
type Params = Record<string, string | number>;

/** The `[start, end)` ranges between the markers; none when the body itself holds a marker. */
export function highlightRanges(marked: string | null, body: string): [number, number][] {
  if (marked === null || body.includes(OPEN) || body.includes(CLOSE)) return [];
  const ranges: [number, number][] = [];
  let plain = 0;
  let start = 0;
  for (const char of marked) {
    if (char === OPEN) start = plain;
    else if (char === CLOSE) ranges.push([start, plain]);
    else plain += char.length;
  }
  return plain === body.length ? ranges : [];
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
  const statements = new Map<string, Database.Statement<[Params], Row>>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = db.prepare<[Params], Row>(sql)));
    return prepared;
  };
  const below = db.prepare<[string, number], number>(BELOW_SQL).pluck();
  const userId = db.prepare<[string], number>(`SELECT id FROM users WHERE username = ?`).pluck();

  const run = (sql: string, params: Params): Row[] => {
    try {
      return statement(sql).all(params);
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
      const params: Params = { lim: size + 1 };
      const filters: SearchFilter[] = [];
      if (parsed.from !== null) {
        const id = userId.get(parsed.from);
        if (id === undefined) {
          throw new MicroblogError(
            'USER_NOT_FOUND',
            say('errors.noProfileNamed', { username: parsed.from }),
            'query',
          );
        }
        params.from = id;
        filters.push('from');
      }
      const at = options.cursor ? decodeCursor(options.cursor) : null;
      let rows: Row[];
      if (parsed.match === null) {
        rows = run(FILTERED_SQL, { ...params, ts: at?.timestamp ?? '9999', id: at?.id ?? NEWEST });
      } else {
        const start = at ? below.get(at.timestamp, at.id) : NEWEST;
        rows =
          start === undefined
            ? []
            : run(searchSql(filters), { ...params, match: parsed.match, below: start });
      }
      const hits = rows.map(({ marked, ...post }) => ({
        ...post,
        highlights: highlightRanges(marked, post.body),
      }));
      if (hits.length <= size) return { items: hits, nextCursor: null };
      const items = hits.slice(0, size);
      const last = items[items.length - 1] as SearchHit;
      return { items, nextCursor: encodeCursor(last) };
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
