import os from 'node:os';
import path from 'node:path';
import { resolveDatabasePath } from '../db/paths';
import { EVENT_CHANNEL } from '../ipc/events';
import { bundledWorkerScript, electronDesktop } from './desktop';
import { registerIpcHandlers } from './register';
import { type AppContext, StartupRefusedError, createAppContext, createReadOnlyContext } from './app-context';
import { APP_URL, registerAppScheme, serveRenderer } from './protocol';
import { translatorFor } from './i18n';
import { handleRefusal } from './refusal';
import type { ElectronShell, WindowShell } from './shell';
import { openUpdatingWindow } from './updating-window';
import { hardenWebContents, denyAllPermissions, windowOptions } from './window';

export type { AppShell, ElectronShell, WindowShell } from './shell';

export type RunResult =
  | { state: 'second-instance' }
  | { state: 'refused'; choice: 'quit' | 'restored' }
  | { state: 'failed' }
  | { state: 'running'; window: WindowShell; context: AppContext; readOnly: boolean };

/** Starts the database, or shows the refusal dialog; a context to serve, or how startup ended. */
async function startContext(
  electron: ElectronShell,
  dbPath: string,
  version: string,
): Promise<
  | { context: AppContext; readOnly: boolean; closeUpdating: () => void }
  | Exclude<RunResult, { state: 'running' }>
> {
  const { app, BrowserWindow } = electron;
  const locale = app.getLocale();
  const { t } = translatorFor(locale);
  let updating: WindowShell | null = null;
  const closeUpdating = () => {
    if (updating && !updating.isDestroyed()) updating.close();
    updating = null;
  };
  try {
    // Opening a link is the only way out of the app: the system browser, never this window.
    const openExternal = (url: string) => electron.shell.openExternal(url);
    const context = await createAppContext({
      dbPath,
      version,
      locale,
      openExternal,
      desktop: electronDesktop(electron),
      workerScript: bundledWorkerScript(app.getAppPath()),
      publishing: {
        sessionsFolder: path.join(path.dirname(dbPath), 'sessions'),
        cipher: electron.safeStorage,
        fetch: (input, init) => electron.net.fetch(input instanceof URL ? input.href : input, init),
      },
      onSlow: () => {
        const opened = openUpdatingWindow(BrowserWindow, t('main.updating'));
        updating = opened.window;
        // Startup waits for this page to load before it runs the (blocking) migrations.
        return opened.loaded;
      },
    });
    return { context, readOnly: false, closeUpdating };
  } catch (error) {
    closeUpdating();
    if (!(error instanceof StartupRefusedError)) {
      console.error('Startup failed:', error);
      electron.dialog.showErrorBox(t('main.startFailedTitle'), t('main.startFailed', { file: dbPath }));
      app.quit();
      return { state: 'failed' };
    }
    const choice = await handleRefusal(
      error.outcome,
      { version, platform: process.platform, locale },
      {
        showMessageBox: (options) => electron.dialog.showMessageBox(options),
        writeClipboard: (text) => electron.clipboard.writeText(text),
        relaunch: () => {
          app.relaunch();
          app.exit(0);
        },
        quit: () => app.quit(),
      },
    );
    if (choice !== 'read-only') return { state: 'refused', choice };
    try {
      const context = createReadOnlyContext({
        dbPath,
        version,
        locale,
        openExternal: (url) => electron.shell.openExternal(url),
        desktop: electronDesktop(electron),
        workerScript: bundledWorkerScript(app.getAppPath()),
      });
      return { context, readOnly: true, closeUpdating };
    } catch (readError) {
      console.error('Opening the database read-only failed:', readError);
      electron.dialog.showErrorBox(t('main.readOnlyFailedTitle'), t('main.readOnlyFailed', { file: dbPath }));
      app.quit();
      return { state: 'failed' };
    }
  }
}

/** The publisher looks at its outbox when the computer resumes and when the network comes back. */
function wakeOnReconnect(electron: ElectronShell, wake: () => void): void {
  electron.powerMonitor.on('resume', wake);
  let online = electron.net.isOnline();
  setInterval(() => {
    const now = electron.net.isOnline();
    if (now && !online) wake();
    online = now;
  }, 5_000).unref();
}

/**
 * The whole startup, in order: single-instance lock → hardening → database path → start the
 * database (a small "Updating your data…" window if slow) → on refusal, the dialog (which may
 * open the file read-only) → serve the renderer, register IPC, open the window.
 */
export async function runApp(electron: ElectronShell): Promise<RunResult> {
  const { app, BrowserWindow } = electron;
  registerAppScheme(electron.protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { state: 'second-instance' };
  }
  let mainWindow: WindowShell | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // While starting, the only window may be "Updating your data…", closed before a refusal
  // dialog shows: that must not quit the app under the dialog.
  let starting = true;
  app.on('window-all-closed', () => {
    if (!starting) app.quit();
  });

  await app.whenReady();
  denyAllPermissions(electron.session.defaultSession);

  const dbPath = resolveDatabasePath(
    { platform: process.platform, env: electron.env, home: os.homedir() },
    app.getPath('userData'),
  );
  const started = await startContext(electron, dbPath, app.getVersion());
  if (!('context' in started)) return started;
  const { context, readOnly, closeUpdating } = started;
  app.on('will-quit', () => context.close());
  wakeOnReconnect(electron, () => context.wakePublisher());

  serveRenderer(electron.protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
  const ownWindows = new Set<unknown>();
  registerIpcHandlers(electron.ipcMain, context.dispatch, (contents) => ownWindows.has(contents));

  const window = new BrowserWindow(
    windowOptions(path.join(app.getAppPath(), 'dist', 'preload', 'preload.cjs')),
  );
  mainWindow = window;
  starting = false;
  ownWindows.add(window.webContents);
  // The contract's events (progress, live updates) go to the app's own window only.
  context.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  window.once('ready-to-show', () => {
    closeUpdating();
    window.show();
  });
  await window.loadURL(APP_URL);
  return { state: 'running', window, context, readOnly };
}
