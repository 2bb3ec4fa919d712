/**
 * The end-to-end harness: `openApp({ dbPath })` gives a scenario the app's page on a real
 * SQLite file. Where Electron has been downloaded (`npm start` once), that is the real app:
 * its main process, protocol, preload and window (electron-app.ts). Elsewhere it is the
 * production renderer in an installed Chromium, served by the app's protocol handler, with
 * the real preload and main's real dispatcher, values copied as Electron copies them
 * (chromium-app.ts). browser.ts decides which; every scenario runs the same on both.
 */
import type { Page } from 'playwright-core';
import type { Db } from '../../electron/db/index';
import type { AppContextOptions } from '../../electron/main/app-context';
import { findBrowser } from './browser';
import { type ChromiumShared, openChromiumApp, startChromium } from './chromium-app';
import { openElectronApp } from './electron-app';

export interface OpenAppOptions {
  dbPath: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The OS locale the app starts with (`app.getLocale()`); `en-US` by default. */
  locale?: string;
  /** The OS's prefers-reduced-motion. */
  reducedMotion?: 'reduce' | 'no-preference';
  /** What the native save and open dialogs answer (null or absent: the user closed them). */
  dialogs?: { exportPath?: string | null; importPath?: string | null };
  /**
   * Answers a call from memory instead of main's dispatcher when it returns a value (the UI
   * benchmark's baseline: the same page with no SQLite behind it). Chromium harness only.
   */
  answerFromMemory?: (channel: string, payload: unknown) => unknown;
  /**
   * Publishing to AT Protocol accounts, as main's context takes it (sessions folder, cipher, a
   * fetch to route through a proxy); without it the account channels say this window cannot
   * publish. Chromium harness only: the real app always publishes, with safeStorage.
   */
  publishing?: AppContextOptions['publishing'];
}

/** One call as main's dispatcher received it. */
export interface Received {
  channel: string;
  payload: unknown;
}

export interface OpenApp {
  page: Page;
  /** The app's database file, open in this process, for seeding and for asserting what reached it. */
  db: Db;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** The response headers the page itself was served with (lower-case names). */
  servedHeaders: Record<string, string>;
  /** Every IPC call main's dispatcher received so far, payloads as main saw them. */
  received(): Promise<Received[]>;
  /** How many times main asked to restart the app (after a restore); the harness never restarts it. */
  relaunches(): Promise<number>;
  close(): Promise<void>;
}

let chromium: ChromiumShared | undefined;

/** Opens the app on the database file `dbPath` (created and migrated if needed). */
export async function openApp(options: OpenAppOptions): Promise<OpenApp> {
  const browser = findBrowser();
  if (!browser.ok) throw new Error(browser.message);
  if (browser.kind === 'electron') return openElectronApp(browser.executablePath, options);
  chromium ??= startChromium(browser);
  return openChromiumApp(chromium, options);
}

/** Closes the shared browser and server; call in afterAll of each test file. */
export async function closeShared(): Promise<void> {
  const shared = chromium;
  chromium = undefined;
  await Promise.all([shared?.browser.then((b) => b.close()), shared?.server.then((s) => s.close())]);
}
