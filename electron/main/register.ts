import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type Result } from '../ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { APP_HOST, APP_SCHEME } from './protocol';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page may not use Microblog’s data.' },
};

/** The parts of an IPC event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * True only for the main frame of one of the app's own windows showing an `app://microblog/`
 * page: not an iframe, not a page the window was navigated to, not a window the app did not
 * create. (`new URL('app://microblog/').origin` is 'null', so protocol and host are compared.)
 * Never throws: reading a destroyed frame's `url` throws in Electron, and that is a refusal.
 */
export function isTrustedSender(
  event: SenderEvent,
  isAppWindow: (contents: WebContents) => boolean,
): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame || !isAppWindow(event.sender)) return false;
    if (frame !== event.sender.mainFrame) return false;
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Where a refused message came from, for the log; a frame that cannot say is named as such. */
export function describeSender(event: SenderEvent): string {
  try {
    const url = event.senderFrame?.url;
    return typeof url === 'string' ? JSON.stringify(url.slice(0, 200)) : 'a closed frame';
  } catch {
    return 'a frame whose address cannot be read';
  }
}

/** Registers one `ipcMain.handle` per contract channel, each checking the sender before dispatching. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isAppWindow: (contents: WebContents) => boolean,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, isAppWindow)) {
        console.warn(`IPC ${channel} refused from ${describeSender(event)}`);
        return structuredClone(FORBIDDEN);
      }
      return dispatch(channel, payload);
    });
  }
}
