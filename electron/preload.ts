/**
 * The sandboxed preload: exposes exactly the contract's functions as `window.microblog`, and
 * the contract's events as `window.microblogEvents`. The page never sees `ipcRenderer`,
 * `require` or any Node API; only these functions, each sending its single argument to one
 * fixed channel, and `on`, which hands listeners only events that match their schema.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildMicroblogApi } from './ipc/client';
import type { MicroblogApi } from './ipc/contract';
import { EVENT_CHANNEL, buildMicroblogEvents } from './ipc/events';

const api = buildMicroblogApi((channel, payload) =>
  ipcRenderer.invoke(channel, payload),
) satisfies MicroblogApi;

const events = buildMicroblogEvents((deliver) => {
  ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => deliver(message));
});

contextBridge.exposeInMainWorld('microblog', api);
contextBridge.exposeInMainWorld('microblogEvents', events);
