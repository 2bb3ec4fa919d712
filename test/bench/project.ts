import { type Db, createMigrator, createRepositories } from '../../electron/db/index';
import {
  type BenchSide,
  type Posted,
  type TimelineRef,
  type UserPage,
  type UserRef,
  tableNames,
} from './side';
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

    createUsers(specs) {
      const ids: number[] = [];
      for (const spec of specs) ids.push(users.create(spec).id);
      return ids;
    },

    bulkInsert(list) {
      const ids: number[] = [];
      db.transaction(() => {
        for (const post of list) ids.push(posts.create(post).id);
      })();
      return ids;
    },

    postOneByOne(postings) {
      const out: Posted[] = [];
      for (const { userId, body } of postings) {
        const author = users.getById(userId);
        out.push({ author, post: posts.create({ userId, body }) });
      }
      return out;
    },

    getUsers(ids) {
      const out: (UserRef | undefined)[] = [];
      for (const id of ids) out.push(users.getById(id));
      return out;
    },

    userPages(ids) {
      const out: UserPage[] = [];
      for (const id of ids) {
        const user = users.getById(id);
        out.push({ user, posts: posts.byUser(id, { limit: USER_PAGE_SIZE }).items });
      }
      return out;
    },

    timelineFirstPages(count) {
      const out: TimelineRef[][] = [];
      for (let i = 0; i < count; i++) out.push(posts.timeline({ limit: TIMELINE_PAGE_SIZE }).items);
      return out;
    },

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
      const out: TimelineRef[][] = [];
      for (let i = 0; i < count; i++)
        out.push(posts.timeline({ cursor: at, limit: TIMELINE_PAGE_SIZE }).items);
      return out;
    },

    usersByUsernameDesc(count) {
      const out: UserRef[][] = [];
      for (let i = 0; i < count; i++) out.push(users.list({ order: 'desc' }));
      return out;
    },

    usersStartingWith(prefix, count) {
      const out: UserRef[][] = [];
      for (let i = 0; i < count; i++) out.push(users.list({ order: 'asc', prefix }));
      return out;
    },
  };
}
