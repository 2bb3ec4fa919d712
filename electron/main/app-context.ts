import path from 'node:path';
import { createRepositories, openDatabase } from '../db/index';
import type { Db } from '../db/index';
import { refusalFor } from '../db/failure-cause';
import { type LiveDatabase, liveDatabase } from '../db/live';
import { type Dispatch, createDispatcher, createHandlers } from '../ipc/handlers';
import { type AppEvent, eventHub } from '../ipc/events';
import { type WorkerScript, createDataJobs } from './data-jobs';
import { type Desktop, HEADLESS_DESKTOP, createDataService } from './data-service';
import { watchForOtherWriters } from './live-updates';
import { publishingIn } from './publish-events';
import type { PublishingOptions } from './publisher/service';
import { type Refusal, type StartupOptions, startDatabase } from './startup';
import { type Started, refused } from './startup-outcome';
import { type CheckOutcome, deferredCheck } from './background-check';
import { writeCleanShutdown } from './clean-shutdown';

/** Startup's options (the same meaning), plus what `app:info` reports. */
export interface AppContextOptions extends Pick<
  StartupOptions,
  'dbPath' | 'migrations' | 'keepBackups' | 'slowAfterMs' | 'onSlow' | 'busyTimeoutMs'
> {
  /** The app's version for `app:info` (package.json's in the real app). */
  version?: string;
  /** Reported by `app:info`; the running platform by default. */
  platform?: string;
  /** The OS locale (`app.getLocale()`), which the app's language follows until one is chosen. */
  locale?: string;
  /** Opens a checked link in the system browser; without it `links:open` says it cannot. */
  openExternal?: (url: string) => Promise<void>;
  /** Electron's dialogs, shell and relaunch for the Data screen (none outside the app). */
  desktop?: Partial<Desktop>;
  /** The export/import worker: the bundled script in the app, the source under tsx elsewhere. */
  workerScript?: WorkerScript;
  /** Publishing to AT Protocol accounts (the app passes safeStorage); without it the account channels say so. */
  publishing?: Omit<PublishingOptions, 'db' | 'onChange'>;
}

export interface AppContext {
  dispatch: Dispatch;
  /** The current connection: after a disk failure the data layer serves a new one. */
  readonly db: Db;
  /** What startup did: the migrations it applied, the backup it made first, whether it read the whole file. */
  startup: { applied: string[]; backupPath: string | null; integrity?: Started['integrity'] };
  /** Main → renderer events (the Electron shell sends them to the windows); returns the unsubscribe. */
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** The network came back, or the computer woke up: what waited out an unreachable server goes now. */
  wakePublisher(): void;
  /** The integrity check run after a start that skipped it, once the first screen asked; else null. */
  integrityCheck(): Promise<CheckOutcome> | null;
  close(): void;
}

/** Startup refused the database; `outcome` says why and what the file and last backup hold. */
export class StartupRefusedError extends Error {
  readonly outcome: Refusal;

  constructor(outcome: Refusal) {
    super(outcome.message);
    this.name = 'StartupRefusedError';
    this.outcome = outcome;
  }
}

/** What a context is made from, once the database is open. */
type ContextOptions = Pick<
  AppContextOptions,
  'dbPath' | 'version' | 'platform' | 'locale' | 'openExternal' | 'desktop' | 'workerScript' | 'publishing'
>;

function contextOn(
  live: LiveDatabase,
  options: ContextOptions,
  startup: AppContext['startup'],
  afterClose: () => void = () => undefined,
): AppContext {
  const { listeners, emit } = eventHub();
  const jobs = createDataJobs(options.dbPath, emit, options.workerScript);
  const check = deferredCheck(
    options.dbPath,
    startup.integrity === 'skipped',
    (detail) => emit({ name: 'db:damaged', payload: { detail } }),
    options.workerScript,
  );
  const stopWatching = watchForOtherWriters(
    () => live.db,
    () => emit({ name: 'db:changed', payload: {} }),
  );
  const app = {
    version: options.version ?? '0.0.0',
    databasePath: options.dbPath,
    dataFolder: path.dirname(options.dbPath),
    platform: options.platform ?? process.platform,
  };
  const data = createDataService({
    dbPath: options.dbPath,
    db: () => live.db,
    jobs,
    desktop: { ...HEADLESS_DESKTOP, ...options.desktop },
    info: () => handlers['app:info']({}),
    closeDatabase: () => {
      stopWatching();
      live.close();
    },
  });
  const publish = publishingIn(options.publishing, () => live.db, emit);
  const handlers = createHandlers({
    get db() {
      return live.db;
    },
    repos: live.repos,
    app,
    data,
    ...(options.openExternal && { openExternal: options.openExternal }),
    ...(publish.publishing && { publishing: publish.publishing }),
    // Once the window has its first screen: the integrity check a quick start skipped, and the
    // posts an earlier run left waiting.
    afterFirstScreen: () => {
      check.start();
      publish.wake();
    },
    ...(options.locale !== undefined && { systemLocale: options.locale }),
  });
  const dispatch = createDispatcher(handlers);
  return {
    dispatch: async (channel, payload) => {
      const result = await dispatch(channel, payload);
      if (result.ok) publish.answered(channel, payload);
      return result;
    },
    wakePublisher: publish.reconnected,
    get db() {
      return live.db;
    },
    startup,
    integrityCheck: check.outcome,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => {
      publish.stop();
      stopWatching();
      void jobs.close();
      check.stop();
      listeners.clear();
      live.close();
      // A file found damaged is not vouched for: the next start checks it whole (and refuses it).
      if (!check.damaged()) afterClose();
    },
  };
}

/**
 * A post deleted just before the last quit stays deleted: its Undo ended with that run. If the
 * disk refuses now, the snapshots stay and the next start tries again; either way a post is
 * whole or gone.
 */
function forgetUndoneDeletes(live: LiveDatabase): void {
  try {
    live.repos.posts.purgeDeleted();
  } catch (error) {
    console.error('Forgetting the deleted posts of the last run failed:', error);
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
  let live: LiveDatabase;
  try {
    live = liveDatabase(options.dbPath, outcome.db);
  } catch (error) {
    // Preparing the statements reads the schema, and that can meet a failing disk too.
    console.error('Preparing the database failed:', error);
    outcome.db.close();
    const cause = refusalFor(error, options.dbPath);
    if (!cause) throw error;
    throw new StartupRefusedError(refused(options.dbPath, cause.reason, cause.message));
  }
  forgetUndoneDeletes(live);
  const { applied, backupPath, integrity } = outcome;
  // Only after the connection closed (its last checkpoint done) is the file as the marker says.
  return contextOn(live, options, { applied, backupPath, integrity }, () =>
    writeCleanShutdown(options.dbPath),
  );
}

/**
 * The refused file opened read-only, so its posts can be read and copied out: SQLite never
 * writes it, and every change the renderer asks for fails with a sentence. Throws when SQLite
 * cannot read it after all. It never publishes: publishing writes the outbox.
 */
export function createReadOnlyContext(options: Omit<ContextOptions, 'publishing'>): AppContext {
  const db = openDatabase(options.dbPath, { readonly: true });
  try {
    // Read-only: nothing is ever written, so there is no failed write to reopen after.
    const fixed: LiveDatabase = { db, repos: createRepositories(db), close: () => db.open && db.close() };
    return contextOn(fixed, options, { applied: [], backupPath: null });
  } catch (error) {
    db.close();
    throw error;
  }
}
