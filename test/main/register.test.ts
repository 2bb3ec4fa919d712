import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/ipc/contract';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { describeSender, isTrustedSender, registerIpcHandlers } from '../../electron/main/register';
import { fakeEvent, fakeWebContents } from './fake-electron';

afterEach(() => vi.restoreAllMocks());

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

/** Registers every channel on a recording ipcMain, with `own` as the app's only window. */
function registered(own: WebContents) {
  const listeners = new Map<string, Listener>();
  const dispatched: string[] = [];
  const dispatch: Dispatch = async (channel) => {
    dispatched.push(channel);
    return { ok: true, value: 'dispatched' };
  };
  registerIpcHandlers(
    { handle: (channel, listener) => void listeners.set(channel, listener as Listener) },
    dispatch,
    (contents) => contents === own,
  );
  return { listeners, dispatched };
}

/** A frame whose `url` throws, as Electron's does once the frame is destroyed. */
function destroyedFrame(): { url: string } {
  return Object.defineProperty({}, 'url', {
    get() {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
  }) as { url: string };
}

describe('the IPC sender check', () => {
  it('registers one handler per contract channel, each dispatching for the app’s own main frame', async () => {
    const own = fakeWebContents().contents;
    const { listeners, dispatched } = registered(own);
    expect([...listeners.keys()]).toEqual([...CHANNELS]);
    for (const [channel, listener] of listeners) {
      expect(await listener(fakeEvent(own), {})).toEqual({ ok: true, value: 'dispatched' });
      expect(dispatched.at(-1)).toBe(channel);
    }
  });

  it('refuses other windows, iframes, missing frames and other addresses with FORBIDDEN', async () => {
    const own = fakeWebContents();
    const { listeners, dispatched } = registered(own.contents);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listener = listeners.get('users:list') as Listener;
    const refusals = [
      fakeEvent(fakeWebContents().contents),
      fakeEvent(own.contents, { url: 'app://microblog/' }),
      fakeEvent(own.contents, null),
    ];
    for (const event of refusals) {
      expect(await listener(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    own.frame.url = 'https://evil.example/';
    expect(await listener(fakeEvent(own.contents), {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(dispatched).toEqual([]);
    expect(warned).toHaveBeenCalledTimes(4);
  });

  it('answers FORBIDDEN, and logs safely, when reading the frame’s url throws', async () => {
    const own = fakeWebContents();
    const { listeners, dispatched } = registered(own.contents);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const frame = destroyedFrame();
    // The destroyed frame is the window's main frame: only its url getter stands in the way.
    Object.defineProperty(own.contents, 'mainFrame', { value: frame });
    const event = fakeEvent(own.contents, frame);
    expect(isTrustedSender(event, () => true)).toBe(false);
    expect(describeSender(event)).toBe('a frame whose address cannot be read');
    for (const listener of listeners.values()) {
      expect(await listener(event, {})).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This page may not use Microblog’s data.' },
      });
    }
    expect(dispatched).toEqual([]);
    // Each refusal names its channel; the last one tried is the last registered.
    expect(warned).toHaveBeenLastCalledWith(
      `IPC ${String([...listeners.keys()].at(-1))} refused from a frame whose address cannot be read`,
    );
    expect(warned).toHaveBeenCalledTimes(listeners.size);
  });
});
