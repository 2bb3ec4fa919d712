/**
 * The end-to-end harness: the production renderer in Debian's Chromium, the REAL preload
 * running in the page, and every `ipcRenderer.invoke` answered by the REAL dispatcher of
 * `createAppContext` over a real SQLite file. Values cross through `structuredClone` both
 * ways, as Electron's IPC would copy them.
 */
import { type Browser, type Page, chromium } from 'playwright-core';
import { type AppContext, createAppContext } from '../../electron/main/app-context';
import { builtAssets } from './build-assets';
import { type StaticServer, serveFolder } from './static-server';

/** The flags this machine's Chromium needs (no sandbox in containers, no GPU, no phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const BINDING = '__microblogInvoke';

export interface OpenAppOptions {
  dbPath: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface OpenApp {
  page: Page;
  /** The main-process side, for seeding and for asserting what reached the database. */
  app: AppContext;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

let browser: Promise<Browser> | undefined;
let server: Promise<StaticServer> | undefined;

/** One Chromium per test file (per worker); contexts keep each app isolated. */
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browser;
}

function sharedServer(): Promise<StaticServer> {
  server ??= builtAssets().then((assets) => serveFolder(assets.rendererDir));
  return server;
}

/**
 * The preload as Electron would run it: its `require('electron')` gets a contextBridge that
 * puts the API on `window`, and an ipcRenderer whose `invoke` goes to the Node binding.
 */
function preloadScript(preloadCode: string): string {
  return `(() => {
  if (window.top !== window) return;
  const invokeMain = window[${JSON.stringify(BINDING)}];
  const electronShim = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: api, enumerable: true, configurable: false, writable: false });
      },
    },
    ipcRenderer: { invoke: (channel, payload) => invokeMain(channel, payload) },
  };
  const require = (name) => {
    if (name === 'electron') return electronShim;
    throw new Error('The sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  const exports = module.exports;
  ${preloadCode}
})();`;
}

/** Opens the app on the database file `dbPath` (created and migrated if needed). */
export async function openApp(options: OpenAppOptions): Promise<OpenApp> {
  const [assets, { url }, chromiumBrowser] = await Promise.all([
    builtAssets(),
    sharedServer(),
    sharedBrowser(),
  ]);
  const app = await createAppContext({ dbPath: options.dbPath, version: '0.0.0-e2e' });
  const context = await chromiumBrowser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  await context.exposeBinding(BINDING, async (_source, channel: unknown, payload: unknown) => {
    const result = await app.dispatch(String(channel), structuredClone(payload));
    return structuredClone(result);
  });
  await context.addInitScript({ content: preloadScript(assets.preloadCode) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  let closed = false;
  return {
    page,
    app,
    errors,
    async close() {
      if (closed) return;
      closed = true;
      // Let the page flush its draft (beforeunload) into the database before main closes it.
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await context.close();
      app.close();
    },
  };
}

/** Closes the shared browser and server; call in afterAll of each test file. */
export async function closeShared(): Promise<void> {
  const [b, s] = [browser, server];
  browser = undefined;
  server = undefined;
  await Promise.all([b?.then((x) => x.close()), s?.then((x) => x.close())]);
}
