import { knownMigrationNames, listAppliedMigrations } from '../../electron/db/migrator';
import {
  CheckFailure,
  checkBulkRows,
  checkPostingRows,
  checkTimeline,
  checkUser,
  checkUserPage,
  checkUserRows,
  expectSame,
  oneTo,
} from './checks';
import type { BenchSide } from './side';
import {
  DEEP_PAGES,
  LISTINGS,
  LOOKUPS,
  MIGRATION_CYCLES,
  type OpKey,
  POSTING_COUNT,
  PREFIX_QUERIES,
  type PostSpec,
  type Posting,
  type Sizes,
  TIMELINE_PAGES,
  USER_PAGES,
  type UserSpec,
  bulkPostSpec,
  deepPageDepth,
  randomIds,
  roundRobinAuthor,
  timelineIds,
  userSpec,
  usersByUsernameDesc,
  usersStartingWithS,
} from './workload';
import { migrations } from '../../migrations/index';

/** Inputs prepared once, before any timing, and shared by both sides. */
export interface Inputs {
  sizes: Sizes;
  users: UserSpec[];
  bulk: PostSpec[];
  postings: Posting[];
  lookupIds: number[];
  pageUserIds: number[];
  deepDepth: number;
  /** The table names at head, read from a freshly migrated file before the cycle. */
  headTables: string[];
}

/** Builds every input from the workload's rules. */
export function prepareInputs(sizes: Sizes, headTables: string[]): Inputs {
  return {
    sizes,
    users: oneTo(sizes.users).map(userSpec),
    bulk: oneTo(sizes.posts).map((k) => bulkPostSpec(k, sizes)),
    postings: oneTo(POSTING_COUNT).map((j) => ({
      userId: roundRobinAuthor(j, sizes.users),
      body: `new post ${j}`,
    })),
    lookupIds: randomIds(4, LOOKUPS, sizes.users),
    pageUserIds: randomIds(5, USER_PAGES, sizes.users),
    deepDepth: deepPageDepth(sizes),
    headTables,
  };
}

/** One workload operation: its size, its timed loop on a side, and its untimed check. */
export interface Operation {
  key: OpKey;
  n: number;
  /** Untimed preparation (the deep page's cursor); its result goes to `run`. */
  prepare?(side: BenchSide): unknown;
  run(side: BenchSide, prepared: unknown): unknown;
  check(side: BenchSide, result: unknown): void;
}

/** The operations in the workload's order, over these inputs. */
export function operations(inputs: Inputs): Operation[] {
  const { sizes } = inputs;
  const sName = (side: BenchSide, key: string) => `${key} (${side.name})`;
  return [
    {
      key: '9_migration_cycle',
      n: MIGRATION_CYCLES,
      run: (side) => side.migrationCycle(MIGRATION_CYCLES),
      check(side, result) {
        const steps = result as string[][];
        expectSame(steps.length, 2 * MIGRATION_CYCLES, sName(side, '9 steps'));
        steps.forEach((tables, i) => {
          const expected = i % 2 === 0 ? ['schema_migrations'] : inputs.headTables;
          expectSame(tables, expected, `${sName(side, '9_migration_cycle')} step ${i}`);
        });
        expectSame(
          listAppliedMigrations(side.db).map((m) => m.name),
          knownMigrationNames(migrations),
          sName(side, '9 applied migrations'),
        );
      },
    },
    {
      key: '1_create_users',
      n: sizes.users,
      run: (side) => side.createUsers(inputs.users),
      check(side, result) {
        expectSame(result, oneTo(sizes.users), sName(side, '1 returned ids'));
        checkUserRows(side.db, sizes.users, sName(side, '1 rows'));
      },
    },
    {
      key: '2_bulk_insert_posts',
      n: sizes.posts,
      run: (side) => side.bulkInsert(inputs.bulk),
      check(side, result) {
        const ids = result as number[];
        if (ids.length !== sizes.posts || ids.some((id, k) => id !== k + 1)) {
          throw new CheckFailure(`${sName(side, '2 returned ids')}: not 1..${sizes.posts}`);
        }
        checkBulkRows(side.db, sizes, sName(side, '2 rows'));
      },
    },
    {
      key: '3_post_one_by_one',
      n: POSTING_COUNT,
      run: (side) => side.postOneByOne(inputs.postings),
      check(side, result) {
        const posted = result as ReturnType<BenchSide['postOneByOne']>;
        expectSame(posted.length, POSTING_COUNT, sName(side, '3 count'));
        posted.forEach(({ author, post }, j) => {
          const userId = roundRobinAuthor(j + 1, sizes.users);
          checkUser(author, userId, sName(side, `3 author of posting ${j + 1}`));
          expectSame(
            [post.id, post.userId],
            [sizes.posts + j + 1, userId],
            sName(side, `3 posting ${j + 1}`),
          );
        });
        checkPostingRows(side.db, sizes, sName(side, '3 rows'));
      },
    },
    {
      key: '4_get_user_by_id',
      n: LOOKUPS,
      run: (side) => side.getUsers(inputs.lookupIds),
      check(side, result) {
        const users = result as ReturnType<BenchSide['getUsers']>;
        expectSame(users.length, LOOKUPS, sName(side, '4 count'));
        users.forEach((user, i) => checkUser(user, inputs.lookupIds[i] ?? 0, sName(side, `4 lookup ${i}`)));
      },
    },
    {
      key: '5_user_posts_page',
      n: USER_PAGES,
      run: (side) => side.userPages(inputs.pageUserIds),
      check(side, result) {
        const pages = result as ReturnType<BenchSide['userPages']>;
        expectSame(pages.length, USER_PAGES, sName(side, '5 count'));
        pages.forEach((page, i) =>
          checkUserPage(page, inputs.pageUserIds[i] ?? 0, sizes, sName(side, `5 page ${i}`)),
        );
      },
    },
    {
      key: '6a_timeline_first_page',
      n: TIMELINE_PAGES,
      run: (side) => side.timelineFirstPages(TIMELINE_PAGES),
      check(side, result) {
        const pages = result as ReturnType<BenchSide['timelineFirstPages']>;
        expectSame(pages.length, TIMELINE_PAGES, sName(side, '6a count'));
        const ids = timelineIds(sizes, 0);
        pages.forEach((page, i) => checkTimeline(page, ids, sizes, sName(side, `6a page ${i}`)));
      },
    },
    {
      key: '6b_timeline_deep_page',
      n: DEEP_PAGES,
      prepare: (side) => side.deepCursor(inputs.deepDepth),
      run: (side, cursor) => side.timelineDeepPages(DEEP_PAGES, cursor),
      check(side, result) {
        const pages = result as ReturnType<BenchSide['timelineDeepPages']>;
        expectSame(pages.length, DEEP_PAGES, sName(side, '6b count'));
        const ids = timelineIds(sizes, inputs.deepDepth);
        pages.forEach((page, i) => checkTimeline(page, ids, sizes, sName(side, `6b page ${i}`)));
      },
    },
    {
      key: '7_users_by_username_desc',
      n: LISTINGS,
      run: (side) => side.usersByUsernameDesc(LISTINGS),
      check(side, result) {
        const listings = result as ReturnType<BenchSide['usersByUsernameDesc']>;
        expectSame(listings.length, LISTINGS, sName(side, '7 count'));
        const ids = usersByUsernameDesc(sizes.users);
        listings.forEach((users, i) => {
          expectSame(
            users.map((u) => u.id),
            ids,
            sName(side, `7 listing ${i}`),
          );
          users.forEach((u) => checkUser(u, u.id, sName(side, `7 listing ${i}`)));
        });
      },
    },
    {
      key: '8_users_like_s',
      n: PREFIX_QUERIES,
      run: (side) => side.usersStartingWith('s', PREFIX_QUERIES),
      check(side, result) {
        const listings = result as ReturnType<BenchSide['usersStartingWith']>;
        expectSame(listings.length, PREFIX_QUERIES, sName(side, '8 count'));
        const ids = usersStartingWithS(sizes.users);
        listings.forEach((users, i) =>
          expectSame(
            users.map((u) => u.id),
            ids,
            sName(side, `8 query ${i}`),
          ),
        );
      },
    },
  ];
}
