/**
 * The real app in Electron, behind the same `OpenApp` as the Chromium harness: the built
 * dist/main/main.cjs with its real startup, protocol, preload, contextBridge and window, on
 * `MICROBLOG_DB`. Used when `npm start` has downloaded Electron. Electron cannot be downloaded
 * on the build machines, so this path is type-checked there but has not run there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { openDatabase } from '../../electron/db/index';
import { tempFolder } from '../fixtures/temp';
import { builtAssets } from './build-assets';
import { CHROMIUM_ARGS } from './chromium-app';
import type { OpenApp, OpenAppOptions, Received } from './harness';
import { decodeClone, encodeClone } from './wire';

const RECEIVED = '__microblogReceived';

/**
 * The app's entry for the tests: records what each `ipcMain.handle` listener receives (as
 * text, so holes and lone surrogates survive the trip back), then runs the real main.cjs.
 */
function recordingEntry(): string {
  return `'use strict';
const __name = (fn) => fn;
const encodeClone = ${encodeClone.toString()};
const { ipcMain } = require('electron');
const received = (globalThis.${RECEIVED} = []);
const handle = ipcMain.handle.bind(ipcMain);
ipcMain.handle = (channel, listener) =>
  handle(channel, (event, ...args) => {
    try {
      received.push(encodeClone({ channel, payload: args[0] }));
    } catch (error) {
      received.push(encodeClone({ channel, payload: 'not recorded: ' + error.message }));
    }
    return listener(event, ...args);
  });
require('./dist/main/main.cjs');
`;
}

/** Writes `text` to `file` unless it is already there (atomically: workers may race). */
function writeOnce(file: string, text: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/** This process's environment without unset names, as Playwright's `env` wants it. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Launches Electron on the built app with a fresh profile folder and opens its window. */
export async function openElectronApp(executablePath: string, options: OpenAppOptions): Promise<OpenApp> {
  const { appDir } = await builtAssets();
  writeOnce(path.join(appDir, 'e2e-main.cjs'), recordingEntry());
  const manifest = {
    name: 'microblog',
    productName: 'Microblog',
    version: '0.0.0-e2e',
    main: 'e2e-main.cjs',
  };
  writeOnce(path.join(appDir, 'package.json'), JSON.stringify(manifest));
  // Its own user-data folder: the single-instance lock and Chromium's profile live there.
  const userData = tempFolder('e2e-electron').dir;
  const electronApp = await _electron.launch({
    executablePath,
    // --lang sets what app.getLocale() answers, as the OS locale would.
    args: [appDir, `--user-data-dir=${userData}`, `--lang=${options.locale ?? 'en-US'}`, ...CHROMIUM_ARGS],
    env: { ...definedEnv(), MICROBLOG_DB: options.dbPath },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  // Native dialogs cannot be clicked by a test: they answer what the scenario chose, and a
  // restart after a restore is counted instead of done, so the scenario reopens the app itself.
  await electronApp.evaluate(({ dialog, app }, dialogs) => {
    const chosen = (file: string | null | undefined) => ({
      canceled: !file,
      filePath: file ?? '',
      filePaths: file ? [file] : [],
    });
    dialog.showSaveDialog = (async () => chosen(dialogs.exportPath)) as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async () => chosen(dialogs.importPath)) as typeof dialog.showOpenDialog;
    const counter = globalThis as unknown as { __relaunches: number };
    counter.__relaunches = 0;
    app.relaunch = () => void counter.__relaunches++;
    app.exit = () => undefined;
  }, options.dialogs ?? {});
  const page = await electronApp.firstWindow();
  await page.setViewportSize(options.viewport ?? { width: 1100, height: 800 });
  // Electron's launch has no reduced-motion option; the page's media emulation does the same.
  await page.emulateMedia({ reducedMotion: options.reducedMotion ?? 'no-preference' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.waitForLoadState('load');
  const servedHeaders = await page.evaluate<Record<string, string>>(
    `fetch(location.href).then((r) => Object.fromEntries(r.headers))`,
  );
  // Main has created and migrated the file before it opened the window.
  const db = openDatabase(options.dbPath, { readonly: true });
  let closed = false;
  return {
    page,
    db,
    errors,
    servedHeaders,
    relaunches: () =>
      electronApp.evaluate(() => (globalThis as unknown as { __relaunches: number }).__relaunches),
    async received() {
      const wires = await electronApp.evaluate(
        (_electron, key) => (globalThis as unknown as Record<string, string[]>)[key] ?? [],
        RECEIVED,
      );
      return wires.map((wire) => decodeClone(wire) as Received);
    },
    async close() {
      if (closed) return;
      closed = true;
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await electronApp.close();
      db.close();
      fs.rmSync(userData, { recursive: true, force: true });
    },
  };
}
