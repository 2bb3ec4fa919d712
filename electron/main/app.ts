import os from 'node:os';
import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  Clipboard,
  IpcMain,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Protocol,
  Session,
  WebContents,
} from 'electron';
import { resolveDatabasePath } from '../db/paths';
import { registerIpcHandlers } from './register';
import { type AppContext, StartupRefusedError, createAppContext } from './app-context';
import { APP_URL, registerAppScheme, serveRenderer } from './protocol';
import { handleRefusal } from './refusal';
import { type HardenableContents, denyAllPermissions, hardenWebContents, windowOptions } from './window';

/** The parts of Electron's `app` that startup uses; the real `app` must fit (checked by tsc in main.ts). */
export interface AppShell {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  getVersion(): string;
  relaunch(): void;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'second-instance' | 'window-all-closed' | 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/** The parts of a BrowserWindow that startup uses. */
export interface WindowShell {
  readonly webContents: HardenableContents & Pick<WebContents, 'mainFrame'>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  close(): void;
}

/** Electron's modules, as startup sees them; main.ts passes the real ones, tests a recording fake. */
export interface ElectronShell {
  app: AppShell;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowShell;
  ipcMain: Pick<IpcMain, 'handle'>;
  protocol: Pick<Protocol, 'handle' | 'registerSchemesAsPrivileged'>;
  dialog: {
    showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
    showErrorBox(title: string, content: string): void;
  };
  clipboard: Pick<Clipboard, 'writeText'>;
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
  env: NodeJS.ProcessEnv;
}

export type RunResult =
  | { state: 'second-instance' }
  | { state: 'refused'; choice: 'quit' | 'restored' }
  | { state: 'failed' }
  | { state: 'running'; window: WindowShell; context: AppContext };

const UPDATING_PAGE = `data:text/html;charset=utf-8,${encodeURIComponent(
  `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Microblog</title><style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0}@media(prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}}</style><p>Updating your data…</p>`,
)}`;

/**
 * The whole startup, in order: single-instance lock → hardening → database path → start the
 * database (a small "Updating your data…" window if slow) → on refusal, the dialog → serve the
 * renderer, register IPC, open the window.
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
  const version = app.getVersion();

  let updating: WindowShell | null = null;
  const closeUpdating = () => {
    if (updating && !updating.isDestroyed()) updating.close();
    updating = null;
  };
  let context: AppContext;
  try {
    context = await createAppContext({
      dbPath,
      version,
      onSlow: () => {
        const base = windowOptions('');
        updating = new BrowserWindow({
          ...base,
          width: 320,
          height: 120,
          resizable: false,
          minimizable: false,
          show: true,
          webPreferences: { ...base.webPreferences, preload: undefined },
        });
        // Startup waits for this page to load before it runs the (blocking) migrations.
        return updating.loadURL(UPDATING_PAGE);
      },
    });
  } catch (error) {
    closeUpdating();
    if (error instanceof StartupRefusedError) {
      const choice = await handleRefusal(
        error.outcome,
        { version, platform: process.platform },
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
      return { state: 'refused', choice };
    }
    console.error('Startup failed:', error);
    electron.dialog.showErrorBox(
      'Microblog could not start',
      `Something unexpected stopped Microblog while opening ${dbPath}. Your data was not changed.`,
    );
    app.quit();
    return { state: 'failed' };
  }
  app.on('will-quit', () => context.close());

  serveRenderer(electron.protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
  const ownWindows = new Set<unknown>();
  registerIpcHandlers(electron.ipcMain, context.dispatch, (contents) => ownWindows.has(contents));

  const window = new BrowserWindow(
    windowOptions(path.join(app.getAppPath(), 'dist', 'preload', 'preload.cjs')),
  );
  mainWindow = window;
  starting = false;
  ownWindows.add(window.webContents);
  window.once('ready-to-show', () => {
    closeUpdating();
    window.show();
  });
  await window.loadURL(APP_URL);
  return { state: 'running', window, context };
}
