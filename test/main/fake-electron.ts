/**
 * A small hand-written fake of the Electron modules startup uses. Each part is typed against
 * the interfaces in electron/main/app.ts, which main.ts checks against Electron's own
 * electron.d.ts, so a change in Electron's API fails tsc here and there.
 */
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMainInvokeEvent,
  MessageBoxOptions,
  MessageBoxReturnValue,
  WebContents,
} from 'electron';
import type { AppShell, ElectronShell, WindowShell } from '../../electron/main/app';
import type { HardenableContents } from '../../electron/main/window';

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name so a test can fire them. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
}

/** A fake WebContents: a main frame with a URL, and recorded handlers. */
export function fakeWebContents(url = 'app://microblog/') {
  const emitter = new Emitter();
  const frame = { url, parent: null };
  let windowOpenHandler: Parameters<HardenableContents['setWindowOpenHandler']>[0] | null = null;
  const sent: unknown[][] = [];
  const contents = {
    mainFrame: frame,
    send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]),
    on: ((event: string, listener: Listener) =>
      emitter.on(event, listener)) as unknown as HardenableContents['on'],
    setWindowOpenHandler: (handler: Parameters<HardenableContents['setWindowOpenHandler']>[0]) => {
      windowOpenHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    frame,
    emitter,
    /** What main sent this window with `webContents.send`. */
    sent,
    windowOpen: (targetUrl: string) => windowOpenHandler?.({ url: targetUrl } as HandlerDetails),
  };
}

/** An IPC event from `contents`, sent by `frame` (its main frame unless given). */
export function fakeEvent(
  contents: WebContents,
  frame: { url: string } | null = contents.mainFrame,
): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

export class FakeWindow implements WindowShell {
  static created: FakeWindow[] = [];
  readonly options: BrowserWindowConstructorOptions;
  readonly fake = fakeWebContents();
  readonly webContents = this.fake.contents;
  readonly events = new Emitter();
  loaded: string[] = [];
  shown = false;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    FakeWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.fake.frame.url = url;
  }
  once(event: 'ready-to-show', listener: () => void): this {
    this.events.on(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
  }
}

/** A recording fake of everything runApp touches. */
export function fakeElectron(options: {
  userData: string;
  appPath: string;
  gotLock?: boolean;
  env?: NodeJS.ProcessEnv;
}) {
  FakeWindow.created = [];
  const calls: string[] = [];
  const appEvents = new Emitter();
  const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
  const messageBoxes: MessageBoxOptions[] = [];
  const answers: number[] = [];
  const clipboardTexts: string[] = [];
  const openedExternal: string[] = [];
  const permission = {
    request: null as null | ((...a: never[]) => void),
    check: null as null | ((...a: never[]) => boolean),
  };

  const app: AppShell = {
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    whenReady: async () => {
      calls.push('whenReady');
    },
    getPath: () => options.userData,
    getAppPath: () => options.appPath,
    getVersion: () => '1.2.3',
    getLocale: () => 'en-US',
    relaunch: () => void calls.push('relaunch'),
    quit: () => void calls.push('quit'),
    exit: (code) => void calls.push(`exit ${code ?? 0}`),
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
  };

  const electron: ElectronShell = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel, listener) => {
        calls.push(`handle ${channel}`);
        handlers.set(channel, listener as (event: IpcMainInvokeEvent, payload: unknown) => unknown);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) =>
        void calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme) => void calls.push(`protocol.handle ${scheme}`),
    },
    dialog: {
      showMessageBox: async (box: MessageBoxOptions): Promise<MessageBoxReturnValue> => {
        messageBoxes.push(box);
        return { response: answers.shift() ?? 1, checkboxChecked: false };
      },
      showErrorBox: (title) => void calls.push(`showErrorBox ${title}`),
      showSaveDialog: async (box) => {
        calls.push(`showSaveDialog ${String(box.defaultPath)}`);
        return { canceled: true, filePath: '' };
      },
      showOpenDialog: async () => {
        calls.push('showOpenDialog');
        return { canceled: true, filePaths: [] };
      },
    },
    clipboard: { writeText: async (text) => void clipboardTexts.push(text) },
    shell: {
      openExternal: async (url) => void openedExternal.push(url),
      showItemInFolder: (file) => void calls.push(`showItemInFolder ${file}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler) => {
          permission.request = handler as never;
        },
        setPermissionCheckHandler: (handler) => {
          permission.check = handler as never;
        },
      },
    },
    // Reversible but never plain text, like the keychain's encryption as the app sees it.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (data) => Buffer.from(data).reverse().toString('utf8'),
    },
    powerMonitor: { on: (event) => void calls.push(`powerMonitor.on ${event}`) },
    net: {
      fetch: async () => {
        throw new Error('The fake has no network.');
      },
      isOnline: () => false,
    },
    env: options.env ?? {},
  };
  return {
    electron,
    calls,
    appEvents,
    handlers,
    messageBoxes,
    answers,
    clipboardTexts,
    openedExternal,
    permission,
  };
}
