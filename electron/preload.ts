/**
 * The sandboxed preload: exposes exactly the contract's functions as `window.microblog`.
 * The page never sees `ipcRenderer`, `require` or any Node API; only these functions,
 * each sending its single argument to one fixed channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildMicroblogApi } from './ipc/client';
import type { MicroblogApi } from './ipc/contract';

const api = buildMicroblogApi((channel, payload) =>
  ipcRenderer.invoke(channel, payload),
) satisfies MicroblogApi;

contextBridge.exposeInMainWorld('microblog', api);
