import type { z } from 'zod';
import type { Db, Repositories } from '../db/index';
import type { AppInfo, Channel, ChannelOutput, ChannelsOf, Domain, channels } from './contract';
import type { BackupInfo, DataOverview, JobStart } from './channels/data-screen';
import type { AccountStatus, ImportSummary, PublishState } from './channels/accounts';

/** A channel's input after its schema parsed it: what a handler receives. */
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

/** One channel's handler: throws MicroblogError for what the user can fix, returns plain data otherwise. */
export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The full table: one handler per contract channel, so a missing one does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** One domain's part of the table, from the channel names: `DomainHandlers<'posts'>`. */
export type DomainHandlers<D extends Domain> = Pick<Handlers, ChannelsOf<D>>;

/** Facts about the running app that the handlers report but do not compute. */
export type AppFacts = Omit<AppInfo, 'schemaVersion' | 'versions'>;

/**
 * What the Data screen needs from the app: files, dialogs, worker threads and restarts, which
 * live in electron/main. The handlers validate and route; this does the work.
 */
export interface DataService {
  overview(): DataOverview;
  /** Asks where to save (null: the user closed the dialog), then starts the export there. */
  startExport(options: {
    username: string | null;
    format: 'json' | 'csv';
    passwordHashes: boolean;
  }): Promise<JobStart>;
  /** Asks which archive to import (null: the user closed the dialog), then starts the import. */
  startImport(): Promise<JobStart>;
  cancel(jobId: string): boolean;
  backupNow(): Promise<BackupInfo>;
  /** Puts the named backup in place (the current file is kept aside), then restarts the app. */
  restore(name: string): Promise<void>;
  setKeepBackups(keep: number): number;
  showInFolder(target: 'database' | string): void;
  copy(what: 'path' | 'details'): Promise<void>;
}

/** The export/import runner: one job at a time, in a worker thread. */
export interface DataJobs {
  startExport(
    file: string,
    options: { username?: string | undefined; format?: 'json' | 'csv'; passwordHashes?: boolean },
  ): string;
  startImport(file: string): string;
  cancel(jobId: string): boolean;
  running(): { jobId: string; kind: 'export' | 'import' } | null;
}

/** Publishing to the profiles' AT Protocol accounts: the session store and the publisher live in electron/main. */
export interface Publishing {
  status(userId: number): AccountStatus;
  /** Without `pdsUrl`, the PDS is found from the handle (or DID). */
  signIn(userId: number, identifier: string, appPassword: string, pdsUrl?: string): Promise<AccountStatus>;
  unlink(userId: number): AccountStatus;
  publishEarlier(userId: number): { queued: number };
  retry(userId: number, postId: number): { retried: boolean };
  states(postIds: readonly number[]): { postId: number; state: PublishState }[];
  importOwn(userId: number): Promise<ImportSummary>;
}

/** What the handlers work with: the open database, its repositories, the app's facts and its Data service. */
export interface HandlerContext {
  db: Db;
  repos: Repositories;
  app: AppFacts;
  /** The OS locale (Electron's `app.getLocale()`), which the language follows until one is chosen. */
  systemLocale?: string;
  /** Opens a checked http(s) address in the system browser (Electron's shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /** Absent where no Data service runs (handler unit tests): the data channels then say so. */
  data?: DataService;
  /** Absent outside the app (handler unit tests): the account channels then say so. */
  publishing?: Publishing;
  /** Called once the first screen has its data: main then runs the integrity check a quick start skipped. */
  afterFirstScreen?: () => void;
}
