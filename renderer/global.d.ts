import type { MicroblogApi, MicroblogEvents } from '../electron/ipc/contract';

declare global {
  interface Window {
    /** The preload's bridge to main: one function per IPC channel. */
    readonly microblog: MicroblogApi;
    /** The preload's events from main: progress, job ends, and other writers' commits. */
    readonly microblogEvents: MicroblogEvents;
  }
}

export {};
