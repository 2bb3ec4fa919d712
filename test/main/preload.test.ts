import type { ContextBridge, IpcRenderer } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, splitChannel } from '../../electron/ipc/contract';
import { EVENT_CHANNEL, type MicroblogEvents } from '../../electron/ipc/events';

const exposed: Array<[string, unknown]> = [];
const invoked: unknown[][] = [];
let answer: () => Promise<unknown> = async () => ({ ok: true, value: 'pong' });

const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
  exposeInMainWorld: (key, api) => void exposed.push([key, api]),
};
const eventListeners: ((event: unknown, message: unknown) => void)[] = [];
const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on'> = {
  invoke: (...args) => {
    invoked.push(args);
    return answer();
  },
  on(channel, listener) {
    if (channel === EVENT_CHANNEL)
      eventListeners.push(listener as (event: unknown, message: unknown) => void);
    return ipcRenderer as IpcRenderer;
  },
};
const sendEvent = (message: unknown) => eventListeners.forEach((listener) => listener({}, message));
vi.mock('electron', () => ({ contextBridge, ipcRenderer }));

beforeEach(() => {
  invoked.length = 0;
});

describe('the preload', () => {
  it('exposes exactly the contract functions as window.microblog, the events as microblogEvents, and nothing else', async () => {
    await import('../../electron/preload');
    expect(exposed.map(([key]) => key)).toEqual(['microblog', 'microblogEvents']);
    expect(Object.keys(exposed[1]?.[1] as object)).toEqual(['on']);
    const [key, api] = exposed[0] as [string, Record<string, Record<string, unknown>>];
    expect(key).toBe('microblog');
    const names = Object.entries(api).flatMap(([domain, actions]) =>
      Object.keys(actions).map((a) => `${domain}:${a}`),
    );
    expect(names.sort()).toEqual([...CHANNELS].sort());
    for (const actions of Object.values(api)) {
      for (const fn of Object.values(actions)) expect(typeof fn).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|require|send/i);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call to its fixed channel with exactly one argument', async () => {
    const api = exposed[0]?.[1] as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    for (const channel of CHANNELS) {
      const [domain, action] = splitChannel(channel);
      expect(await api[domain]?.[action]?.({ probe: channel }, 'extra', 'arguments')).toEqual({
        ok: true,
        value: 'pong',
      });
    }
    expect(invoked).toEqual(CHANNELS.map((channel) => [channel, { probe: channel }]));
  });

  it('turns a failed invoke into an INTERNAL result instead of a rejection', async () => {
    answer = async () => {
      throw new Error("Error invoking remote method 'users:list': No handler registered");
    };
    const api = exposed[0]?.[1] as { users: { list(input: unknown): Promise<unknown> } };
    const result = await api.users.list({ order: 'asc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/remote method|handler/);
  });

  it('hands a listener only the events the contract declares, parsed, until it unsubscribes', () => {
    const events = exposed[1]?.[1] as MicroblogEvents;
    const seen: unknown[] = [];
    const off = events.on('data:progress', (payload) => seen.push(payload));
    const progress = { jobId: 'job-1', kind: 'export', done: 10, total: 20 };
    sendEvent({ name: 'data:progress', payload: progress });
    sendEvent({ name: 'data:progress', payload: { ...progress, done: -1 } });
    sendEvent({ name: 'data:progress', payload: { ...progress, extra: '<img onerror>' } });
    sendEvent({ name: '__proto__', payload: {} });
    sendEvent('data:progress');
    sendEvent({ name: 'db:changed', payload: {} });
    off();
    sendEvent({ name: 'data:progress', payload: progress });
    expect(seen).toEqual([progress]);
  });
});
