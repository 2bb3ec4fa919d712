import path from 'node:path';
import type { Db } from '../db/index';
import { type LiveDatabase, liveDatabase } from '../db/live';
import { startupSentence } from '../db/sqlite-errors';
import { latestBackup } from './backups';
import type { MigrationModule } from '../db/migration-types';
import { type Dispatch, createDispatcher, createHandlers } from '../ipc/handlers';
import { type StartupOutcome, startDatabase } from './startup';

export interface AppContextOptions {
  dbPath: string;
  /** The app's version for `app:info` (package.json's in the real app). */
  version?: string;
  migrations?: readonly MigrationModule[];
  keepBackups?: number;
  slowAfterMs?: number;
  onSlow?: () => void | Promise<void>;
  /** Reported by `app:info`; the running platform by default. */
  platform?: string;
}

export interface AppContext {
  dispatch: Dispatch;
  db: Db;
  /** What startup did: the migrations it applied and the backup it made first. */
  startup: { applied: string[]; backupPath: string | null };
  close(): void;
}

type Refusal = Extract<StartupOutcome, { ok: false }>;

/** Startup refused the database; `outcome` says why and where the file and last backup are. */
export class StartupRefusedError extends Error {
  readonly outcome: Refusal;

  constructor(outcome: Refusal) {
    super(outcome.message);
    this.name = 'StartupRefusedError';
    this.outcome = outcome;
  }
}

/**
 * Everything main needs to serve the renderer: the started database, its repositories, the
 * handler table and the dispatcher. The app, the e2e harness and the reliability tests all
 * start through here, so they exercise the same code. Throws StartupRefusedError on refusal.
 */
export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const outcome = await startDatabase(options);
  if (!outcome.ok) throw new StartupRefusedError(outcome);
  // After a disk failure the data layer replaces the connection; everyone reads the current one.
  let live: LiveDatabase;
  try {
    live = liveDatabase(options.dbPath, outcome.db);
  } catch (error) {
    // Preparing the statements reads the schema, and that can meet a failing disk too.
    console.error('Preparing the database failed:', error);
    outcome.db.close();
    const message = startupSentence(options.dbPath, error);
    const latest = latestBackup(options.dbPath)?.path ?? null;
    throw new StartupRefusedError({
      ok: false,
      reason: 'open-failed',
      message,
      file: options.dbPath,
      latestBackup: latest,
    });
  }
  const handlers = createHandlers({
    get db() {
      return live.db;
    },
    repos: live.repos,
    app: {
      version: options.version ?? '0.0.0',
      databasePath: options.dbPath,
      dataFolder: path.dirname(options.dbPath),
      platform: options.platform ?? process.platform,
    },
  });
  return {
    dispatch: createDispatcher(handlers),
    get db() {
      return live.db;
    },
    startup: { applied: outcome.applied, backupPath: outcome.backupPath },
    close: () => live.close(),
  };
}
