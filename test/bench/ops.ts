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
import type { Inputs, Operation } from './inputs';
import type { BenchSide, Posted, TimelineRef, UserPage, UserRef } from './side';
import {
  DEEP_PAGES,
  LISTINGS,
  LOOKUPS,
  MIGRATION_CYCLES,
  POSTING_COUNT,
  PREFIX_QUERIES,
  TIMELINE_PAGES,
  USER_PAGES,
  roundRobinAuthor,
  timelineIds,
  usersByUsernameDesc,
  usersStartingWithS,
} from './workload';
import { migrations } from '../../migrations/index';
import { searchOperations } from './ops-search';

/** A check for an operation that returns `count` results (a wrong count fails as `countLabel`), each checked by what `item(side)` returns. */
function everyResult<T>(
  countLabel: string,
  count: number,
  item: (side: BenchSide) => (value: T, i: number) => void,
): Operation['check'] {
  return (side, result) => {
    const values = result as T[];
    expectSame(values.length, count, sideName(side, countLabel));
    values.forEach(item(side));
  };
}

/** A check's label, naming the side it ran on. */
function sideName(side: BenchSide, key: string): string {
  return `${key} (${side.name})`;
}

/** The operations in the workload's order, over these inputs. */
export function operations(inputs: Inputs): Operation[] {
  const { sizes } = inputs;
  const sName = sideName;
  const ids = (side: BenchSide, expected: number[], what: string) => (users: UserRef[], i: number) =>
    expectSame(
      users.map((u) => u.id),
      expected,
      sName(side, `${what} ${i}`),
    );
  return [
    {
      key: '9_migration_cycle',
      n: MIGRATION_CYCLES,
      run: (side) => side.migrationCycle(MIGRATION_CYCLES),
      check(side, result) {
        everyResult<string[]>('9 steps', 2 * MIGRATION_CYCLES, () => (tables, i) => {
          const expected = i % 2 === 0 ? ['schema_migrations'] : inputs.headTables;
          expectSame(tables, expected, `${sName(side, '9_migration_cycle')} step ${i}`);
        })(side, result);
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
        everyResult<Posted>('3 count', POSTING_COUNT, () => ({ author, post }, j) => {
          const userId = roundRobinAuthor(j + 1, sizes.users);
          checkUser(author, userId, sName(side, `3 author of posting ${j + 1}`));
          expectSame(
            [post.id, post.userId],
            [sizes.posts + j + 1, userId],
            sName(side, `3 posting ${j + 1}`),
          );
        })(side, result);
        checkPostingRows(side.db, sizes, sName(side, '3 rows'));
      },
    },
    {
      key: '4_get_user_by_id',
      n: LOOKUPS,
      run: (side) => side.getUsers(inputs.lookupIds),
      check: everyResult<UserRef | undefined>(
        '4 count',
        LOOKUPS,
        (side) => (user, i) => checkUser(user, inputs.lookupIds[i] ?? 0, sName(side, `4 lookup ${i}`)),
      ),
    },
    {
      key: '5_user_posts_page',
      n: USER_PAGES,
      run: (side) => side.userPages(inputs.pageUserIds),
      check: everyResult<UserPage>(
        '5 count',
        USER_PAGES,
        (side) => (page, i) =>
          checkUserPage(page, inputs.pageUserIds[i] ?? 0, sizes, sName(side, `5 page ${i}`)),
      ),
    },
    {
      key: '6a_timeline_first_page',
      n: TIMELINE_PAGES,
      run: (side) => side.timelineFirstPages(TIMELINE_PAGES),
      check: everyResult<TimelineRef[]>('6a count', TIMELINE_PAGES, (side) => {
        const expected = timelineIds(sizes, 0);
        return (page, i) => checkTimeline(page, expected, sizes, sName(side, `6a page ${i}`));
      }),
    },
    {
      key: '6b_timeline_deep_page',
      n: DEEP_PAGES,
      prepare: (side) => side.deepCursor(inputs.deepDepth),
      run: (side, cursor) => side.timelineDeepPages(DEEP_PAGES, cursor),
      check: everyResult<TimelineRef[]>('6b count', DEEP_PAGES, (side) => {
        const expected = timelineIds(sizes, inputs.deepDepth);
        return (page, i) => checkTimeline(page, expected, sizes, sName(side, `6b page ${i}`));
      }),
    },
    {
      key: '7_users_by_username_desc',
      n: LISTINGS,
      run: (side) => side.usersByUsernameDesc(LISTINGS),
      check: everyResult<UserRef[]>('7 count', LISTINGS, (side) => {
        const sameIds = ids(side, usersByUsernameDesc(sizes.users), '7 listing');
        return (users, i) => {
          sameIds(users, i);
          users.forEach((u) => checkUser(u, u.id, sName(side, `7 listing ${i}`)));
        };
      }),
    },
    {
      key: '8_users_like_s',
      n: PREFIX_QUERIES,
      run: (side) => side.usersStartingWith('s', PREFIX_QUERIES),
      check: everyResult<UserRef[]>('8 count', PREFIX_QUERIES, (side) =>
        ids(side, usersStartingWithS(sizes.users), '8 query'),
      ),
    },
    ...searchOperations(inputs),
  ];
}
