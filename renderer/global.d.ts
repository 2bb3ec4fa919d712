import type { MicroblogApi } from '../electron/ipc/contract';

declare global {
  interface Window {
    /** The preload's bridge to main: one function per IPC channel. */
    readonly microblog: MicroblogApi;
  }
}

export {};
