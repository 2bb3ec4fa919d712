import type { ContextBridge, IpcRenderer } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, splitChannel } from '../../electron/ipc/contract';

const exposed: Array<[string, unknown]> = [];
const invoked: unknown[][] = [];
let answer: () => Promise<unknown> = async () => ({ ok: true, value: 'pong' });

const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
  exposeInMainWorld: (key, api) => void exposed.push([key, api]),
};
const ipcRenderer: Pick<IpcRenderer, 'invoke'> = {
  invoke: (...args) => {
    invoked.push(args);
    return answer();
  },
};
vi.mock('electron', () => ({ contextBridge, ipcRenderer }));

beforeEach(() => {
  invoked.length = 0;
});

describe('the preload', () => {
  it('exposes exactly the contract functions as window.microblog, and nothing else', async () => {
    await import('../../electron/preload');
    expect(exposed).toHaveLength(1);
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
});
