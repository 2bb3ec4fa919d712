import type { Db } from './connection';
import { createDirectoryRepository } from './directory';
import { createDraftRepository } from './drafts';
import { createFeedRepository } from './feed';
import { createFollowRepository } from './follows';
import { createPostRepository } from './posts';
import { createProfileRepository } from './profiles';
import { createSearchRepository } from './search';
import { createSettingsRepository } from './settings';
import { createUserRepository } from './users';

/** Every repository over one connection: what the IPC handlers, the shell and the tools use. */
export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    posts: createPostRepository(db),
    drafts: createDraftRepository(db),
    settings: createSettingsRepository(db),
    profiles: createProfileRepository(db),
    follows: createFollowRepository(db),
    feed: createFeedRepository(db),
    search: createSearchRepository(db),
    directory: createDirectoryRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export { openDatabase, readPragmas, type Db } from './connection';
export { MicroblogError, toMicroblogError, type ErrorCode } from './errors';
export { DatabaseRefusedError, inspectDatabaseFile, type RefusalReason } from './guard';
export { createMigrator, listAppliedMigrations, migrateToLatest } from './migrator';
export { resolveDatabasePath, userDataDirectory } from './paths';
export type { Draft } from './drafts';
export type { Page, Post, TimelinePost } from './posts';
export type { User } from './users';
