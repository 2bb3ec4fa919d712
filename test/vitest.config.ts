import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { findBrowser } from './e2e/browser.js';

const CORES = os.availableParallelism();
/** Vitest's own default worker count. */
const DEFAULT_WORKERS = Math.max(1, CORES - 1);

// Without a browser the e2e project runs only browser.test.ts, whose check fails once with
// the sentence saying what to install, instead of every scenario failing with a stack trace.
const e2eFiles = findBrowser().ok ? ['test/e2e/**/*.test.ts'] : ['test/e2e/browser.test.ts'];
// The reference PDS lives in test/atproto's own install; without it only installed.test.ts runs,
// failing once with the command to run.
const atprotoFiles = fs.existsSync(
  new URL('atproto/node_modules/@atproto/dev-env/package.json', import.meta.url),
)
  ? ['test/atproto/**/*.test.ts']
  : ['test/atproto/installed.test.ts'];

/**
 * One Vitest run, four projects: Node code, renderer components (jsdom), the browser end to end,
 * and publishing against the reference AT Protocol PDS.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // Each test file in its own worker: the tests open real files, spawn processes and hold
    // module state (the e2e browser); isolation is chosen, not a default to tune away.
    isolate: true,
    // Vitest's default is one worker fewer than the cores: on a 2-core machine every Node file
    // would wait for the one before, though most of them wait on fsync or child processes. The
    // browser and PDS projects run after them, in groups of their own at the default, where a
    // second Chromium or PDS beside the first would only slow both.
    maxWorkers: Math.max(2, CORES - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**', 'test/atproto/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          sequence: { groupOrder: 1 },
          maxWorkers: DEFAULT_WORKERS,
          include: e2eFiles,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'atproto',
          environment: 'node',
          sequence: { groupOrder: 2 },
          maxWorkers: DEFAULT_WORKERS,
          include: atprotoFiles,
          exclude: ['test/atproto/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
