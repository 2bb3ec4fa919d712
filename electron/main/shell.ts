/** The parts of Electron that startup uses; main.ts passes the real ones (checked by tsc), tests a recording fake. */
import type {
  BrowserWindowConstructorOptions,
  Clipboard,
  IpcMain,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  Net,
  Protocol,
  SafeStorage,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Session,
  Shell,
  WebContents,
} from 'electron';
import type { HardenableContents } from './window';

/** The parts of Electron's `app` that startup uses; the real `app` must fit (checked by tsc in main.ts). */
export interface AppShell {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData' | 'documents'): string;
  getAppPath(): string;
  getVersion(): string;
  getLocale(): string;
  relaunch(): void;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'second-instance' | 'window-all-closed' | 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/** The parts of a BrowserWindow that startup uses. */
export interface WindowShell {
  readonly webContents: HardenableContents & Pick<WebContents, 'mainFrame' | 'send'>;
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
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  };
  clipboard: Pick<Clipboard, 'writeText'>;
  /** `links:open` (after main checked the address) and the Data screen's Show in folder. */
  shell: Pick<Shell, 'openExternal' | 'showItemInFolder'>;
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
  /** Keeps the AT Protocol sessions encrypted with the OS keychain. */
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
  /** Wakes the publisher when the computer resumes. */
  powerMonitor: { on(event: 'resume', listener: () => void): unknown };
  /** Publishing goes through Chromium's network stack (system proxy); `isOnline` wakes the publisher. */
  net: Pick<Net, 'fetch' | 'isOnline'>;
  env: NodeJS.ProcessEnv;
}
