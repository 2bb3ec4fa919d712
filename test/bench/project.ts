import { type Db, createMigrator, createRepositories } from '../../electron/db/index';
import { type BenchSide, each, tableNames, times } from './side';
import { TIMELINE_PAGE_SIZE, USER_PAGE_SIZE } from './workload';
import { migrations } from '../../migrations/index';

/** The workload through the project's repositories: the functions the IPC handlers call. */
export function createProjectSide(db: Db): BenchSide {
  const repos = createRepositories(db);
  const { users, posts } = repos;

  return {
    name: 'project',
    db,

    async migrationCycle(cycles) {
      const umzug = createMigrator(db, { migrations });
      const tables: string[][] = [];
      for (let c = 0; c < cycles; c++) {
        await umzug.down({ to: 0 });
        tables.push(tableNames(db));
        await umzug.up();
        tables.push(tableNames(db));
      }
      return tables;
    },

    createUsers: (specs) => each(specs, (spec) => users.create(spec).id),

    bulkInsert: (list) => db.transaction(() => each(list, (post) => posts.create(post).id))(),

    postOneByOne: (postings) =>
      each(postings, ({ userId, body }) => {
        const author = users.getById(userId);
        return { author, post: posts.create({ userId, body }) };
      }),

    getUsers: (ids) => each(ids, (id) => users.getById(id)),

    userPages: (ids) =>
      each(ids, (id) => {
        const user = users.getById(id);
        return { user, posts: posts.byUser(id, { limit: USER_PAGE_SIZE }).items };
      }),

    timelineFirstPages: (count) => times(count, () => posts.timeline({ limit: TIMELINE_PAGE_SIZE }).items),

    deepCursor(depth) {
      // Walks the timeline with the project's own cursors, as a user scrolling would.
      let cursor: string | null = null;
      for (let seen = 0; seen < depth;) {
        const limit = Math.min(100, depth - seen);
        const page = posts.timeline({ cursor, limit });
        seen += page.items.length;
        cursor = page.nextCursor;
        if (cursor === null) throw new Error(`The timeline ended after ${seen} posts, before ${depth}.`);
      }
      return cursor;
    },

    timelineDeepPages(count, cursor) {
      const at = cursor as string;
      return times(count, () => posts.timeline({ cursor: at, limit: TIMELINE_PAGE_SIZE }).items);
    },

    usersByUsernameDesc: (count) => times(count, () => users.list({ order: 'desc' })),

    usersStartingWith: (prefix, count) => times(count, () => users.list({ order: 'asc', prefix })),
  };
}
