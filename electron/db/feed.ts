import type Database from 'better-sqlite3';
import type { Db } from './connection';
import { decodeCursor } from './cursor';
import { listSize } from './follows';
import type { Page, PageDirection, PageOptions, TimelinePost } from './models';
import { TIMELINE_POST, toNewerPage, toPage } from './post-pages';

/** The Following feed's arms merge in one statement up to this many authors (SQLite allows 500). */
export const MERGE_MAX_AUTHORS = 200;
/**
 * Following at least one profile in this many, the timeline walk finds a page within a few
 * pages' worth of rows (measured: 0.2 ms against 4.7 ms for a 101-arm merge at 100,000 posts).
 */
export const WALK_WHEN_ONE_IN = 20;
/** Statements kept for different author counts; older ones are prepared again when needed. */
const CACHED_SHAPES = 64;
/** Sorts after every stored timestamp and id, so the first page is the cursor query too. */
const START = { timestamp: '9999-12-31T23:59:59.999Z', id: Number.MAX_SAFE_INTEGER };

// Every column a timeline post has, editedAt included, so an edited post says so here too.
const COLUMNS = TIMELINE_POST;
const KEYSET = `(p.timestamp, p.id) < (:ts, :id)`;
/** Paging back up: the posts just newer than the cursor, nearest first (then turned newest first). */
const NEWER_KEYSET = `(p.timestamp, p.id) > (:ts, :id)`;
const order = (direction: PageDirection) => (direction === 'newer' ? 'ASC' : 'DESC');

/**
 * The Following feed for `authors` profiles: one arm per author, each a range of
 * ix_posts_user_id_timestamp read newest first, merged by SQLite's compound ORDER BY (MERGE
 * UNION ALL). The LIMIT stops the merge early, so a page reads about one page of rows per
 * author and never every post of anyone.
 */
export function mergedFeedSql(authors: number, direction: PageDirection = 'older'): string {
  const keyset = direction === 'newer' ? NEWER_KEYSET : KEYSET;
  const arms = Array.from(
    { length: authors },
    (_, i) =>
      `SELECT ${COLUMNS} FROM posts p JOIN users u ON u.id = p.user_id WHERE p.user_id = :u${i} AND ${keyset}`,
  );
  const by = order(direction);
  return `${arms.join('\nUNION ALL\n')}\nORDER BY timestamp ${by}, id ${by} LIMIT :lim`;
}

/**
 * For someone following a good share of all profiles: walk the timeline index newest first and
 * keep the posts of the profiles followed. The page is dense, so the walk ends after a few
 * pages' worth of rows; for a sparse feed the merge above reads less. The index holds the
 * author, so the walk fetches only the post rows it keeps (about 20 of 210 for a page).
 * INDEXED BY and CROSS JOIN keep the planner off the per-author index, which would read every
 * post of every author and sort them.
 */
export const WIDE_FEED_SQL = wideFeedSql('older');
/**
 * The walk's first page starts at the newest post: no keyset to compare on each of the ~210
 * entries it reads (that compare was an eighth of the page's time), as the timeline's first page.
 */
export const WIDE_FIRST_PAGE_SQL = wideFeedSql('first');

/** The walk above, either way from a cursor, or from the newest post. */
export function wideFeedSql(from: PageDirection | 'first'): string {
  const by = order(from === 'first' ? 'older' : from);
  const keyset = from === 'first' ? '' : `${from === 'newer' ? NEWER_KEYSET : KEYSET} AND `;
  return `SELECT ${COLUMNS}
  FROM posts p INDEXED BY ix_posts_timestamp_user_id CROSS JOIN users u ON u.id = p.user_id
  WHERE ${keyset}p.user_id IN (SELECT :me UNION ALL SELECT followed_id FROM follows WHERE follower_id = :me)
  ORDER BY p.timestamp ${by}, p.id ${by} LIMIT :lim`;
}

type Params = Record<string, string | number>;

/** The Following feed: your own posts and those of everyone you follow, newest first. */
export function createFeedRepository(db: Db) {
  const followed = db
    .prepare<[number], number>(`SELECT followed_id FROM follows WHERE follower_id = ?`)
    .pluck();
  // What picks the plan, in one step: how many profiles this one follows, and the highest id
  // ever handed out (the number of profiles, give or take deleted ones, in O(log n)).
  const shape = db
    .prepare<[number], [number, number]>(
      `SELECT (SELECT count(*) FROM follows WHERE follower_id = ?), (SELECT coalesce(max(id), 0) FROM users)`,
    )
    .raw();
  const wide = {
    first: db.prepare<[Params], TimelinePost>(WIDE_FIRST_PAGE_SQL),
    older: db.prepare<[Params], TimelinePost>(WIDE_FEED_SQL),
    newer: db.prepare<[Params], TimelinePost>(wideFeedSql('newer')),
  };
  const shapes = new Map<string, Database.Statement<[Params], TimelinePost>>();

  const merged = (authors: number, direction: PageDirection): Database.Statement<[Params], TimelinePost> => {
    const name = `${direction}:${authors}`;
    let statement = shapes.get(name);
    if (statement) {
      // Most recently used last, so the oldest shape is the one dropped.
      shapes.delete(name);
    } else {
      statement = db.prepare<[Params], TimelinePost>(mergedFeedSql(authors, direction));
      if (shapes.size >= CACHED_SHAPES) shapes.delete(shapes.keys().next().value as string);
    }
    shapes.set(name, statement);
    return statement;
  };

  return {
    /** One page of the Following feed of `userId`, keyset-paged like the timeline (either way from a cursor). */
    following(userId: number, options: PageOptions = {}): Page<TimelinePost> {
      const size = listSize(options.limit);
      const at = options.cursor ? decodeCursor(options.cursor) : START;
      const direction: PageDirection = options.cursor && options.direction === 'newer' ? 'newer' : 'older';
      // Counting is cheaper than reading the ids, which only the merge needs.
      const [follows, profiles] = shape.get(userId) ?? [0, 0];
      const count = 1 + follows;
      let rows: TimelinePost[];
      if (count * WALK_WHEN_ONE_IN >= profiles || count > MERGE_MAX_AUTHORS) {
        rows = options.cursor
          ? wide[direction].all({ ts: at.timestamp, id: at.id, lim: size + 1, me: userId })
          : wide.first.all({ lim: size + 1, me: userId });
      } else {
        const authors = [userId, ...followed.all(userId)];
        const params: Params = { ts: at.timestamp, id: at.id, lim: size + 1 };
        authors.forEach((author, i) => (params[`u${i}`] = author));
        rows = merged(authors.length, direction).all(params);
      }
      if (direction === 'newer') return toNewerPage(rows, size, options.cursor as string);
      return toPage(rows, size, options.cursor);
    },
  };
}

export type FeedRepository = ReturnType<typeof createFeedRepository>;
