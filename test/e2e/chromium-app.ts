/**
 * The app in a plain Chromium: the page served by the app's own protocol handler, the REAL
 * preload running in the page (see bridge.ts), and every `ipcRenderer.invoke` answered by the
 * REAL dispatcher of `createAppContext` over a real SQLite file in this process.
 */
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { createAppContext } from '../../electron/main/app-context';
import { type AppServer, serveApp } from './app-server';
import { DELIVER_EVENT, INVOKE_BINDING, preloadScript } from './bridge';
import { EVENT_CHANNEL } from '../../electron/ipc/events';
import { builtAssets } from './build-assets';
import type { OpenApp, OpenAppOptions, Received } from './harness';
import { decodeClone, encodeClone } from './wire';
import { offlineDiscovery, offlineFetch } from './offline-network';

/** The flags this machine's Chromium needs (no sandbox in containers, no GPU, no phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumShared {
  browser: Promise<Browser>;
  server: Promise<AppServer>;
}

/** Starts one browser and one app server; a test file shares them, contexts keep apps apart. */
export function startChromium(launch: { executablePath: string; channel?: string }): ChromiumShared {
  return {
    browser: chromium.launch({
      ...(launch.channel ? { channel: launch.channel } : { executablePath: launch.executablePath }),
      args: CHROMIUM_ARGS,
    }),
    server: builtAssets().then((assets) => serveApp(assets.rendererDir)),
  };
}

/** Opens the app on `options.dbPath` in a new browser context of the shared Chromium. */
export async function openChromiumApp(shared: ChromiumShared, options: OpenAppOptions): Promise<OpenApp> {
  const [assets, { url }, browser] = await Promise.all([builtAssets(), shared.server, shared.browser]);
  const locale = options.locale ?? 'en-US';
  let relaunches = 0;
  // Links open nowhere here: `received()` shows what main was asked to open.
  const app = await createAppContext({
    dbPath: options.dbPath,
    version: '0.0.0-e2e',
    locale,
    openExternal: () => Promise.resolve(),
    desktop: {
      chooseExportPath: async () => options.dialogs?.exportPath ?? null,
      chooseImportPath: async () => options.dialogs?.importPath ?? null,
      relaunch: () => void relaunches++,
    },
    // Publishing runs as in the app. Unless a test aims it at a server (the atproto project's
    // PDS), the computer is offline and has no keychain: a linked profile's posts wait in the
    // outbox, and no test ever reaches a network.
    publishing: options.publishing ?? {
      sessionsFolder: path.join(path.dirname(options.dbPath), 'sessions'),
      cipher: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
      fetch: offlineFetch,
      discovery: offlineDiscovery,
    },
  });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: options.viewport ?? { width: 1100, height: 800 },
    locale,
    timezoneId: 'Europe/Berlin',
  });
  const received: Received[] = [];
  await context.exposeBinding(INVOKE_BINDING, async (_source, channel: unknown, wire: unknown) => {
    const payload = decodeClone(String(wire));
    received.push({ channel: String(channel), payload });
    const remembered = options.answerFromMemory?.(String(channel), payload);
    // Main's answer goes back through structured clone too, as Electron's reply does.
    return encodeClone(structuredClone(remembered ?? (await app.dispatch(String(channel), payload))));
  });
  await context.addInitScript({ content: preloadScript(assets.preloadCode) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  // main → renderer events: what the Electron shell sends with webContents.send.
  const unsubscribe = app.subscribe((event) => {
    void page
      .evaluate(
        ([deliver, channel, wire]) =>
          (globalThis as unknown as Record<string, (c: string, w: string) => void>)[deliver]?.(channel, wire),
        [DELIVER_EVENT, EVENT_CHANNEL, encodeClone(structuredClone(event))] as const,
      )
      .catch(() => undefined);
  });
  const response = await page.goto(url);
  let closed = false;
  return {
    page,
    db: app.db,
    errors,
    servedHeaders: response?.headers() ?? {},
    received: () => Promise.resolve([...received]),
    relaunches: () => Promise.resolve(relaunches),
    async close() {
      if (closed) return;
      closed = true;
      // Let the page flush its draft (beforeunload) into the database before main closes it.
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await context.close();
      unsubscribe();
      app.close();
    },
  };
}
