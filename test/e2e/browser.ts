/**
 * Which browser the end-to-end tests drive, in this order: `CHROMIUM_PATH`; Electron itself once
 * `npm start` has downloaded it (then the scenarios run against the real app); an installed
 * Chromium, Chrome or Edge in its standard place on Linux, macOS or Windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../fixtures/root';
import { type FileProbe, electronExecutable } from '../../electron/tools/ensure-electron';

export type BrowserChoice =
  | { ok: true; kind: 'electron'; executablePath: string }
  | { ok: true; kind: 'chromium'; executablePath: string; channel?: 'chrome' | 'msedge' }
  | { ok: false; message: string };

export interface BrowserSearch extends FileProbe {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  repoRoot: string;
}

/** Set to 1 to skip steps 2 and 3, so that the "no browser" sentence can be checked on any machine. */
export const NO_SEARCH_ENV = 'MICROBLOG_E2E_NO_BROWSER_SEARCH';

/** What to install when nothing is found: one sentence, shown once for the whole e2e project. */
export const NO_BROWSER_MESSAGE =
  'The end-to-end tests need a browser and found none: install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`), Google Chrome or Microsoft Edge, or run `npm start` once to download Electron, or set CHROMIUM_PATH to a Chromium-based browser.';

const defaultSearch: BrowserSearch = {
  env: process.env,
  platform: process.platform,
  repoRoot: ROOT,
  exists: (file) => fs.existsSync(file),
  readText: (file) => fs.readFileSync(file, 'utf8'),
};

type Installed = { file: string; channel?: 'chrome' | 'msedge' };

/** The standard install places; Chrome and Edge are then launched by Playwright's `channel`. */
function installedCandidates(search: BrowserSearch): Installed[] {
  if (search.platform === 'darwin') {
    return [
      { file: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
      { file: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', channel: 'chrome' },
      { file: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', channel: 'msedge' },
    ];
  }
  if (search.platform === 'win32') {
    const roots = ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)']
      .map((name) => search.env[name])
      .filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      { file: path.win32.join(root, 'Chromium', 'Application', 'chrome.exe') },
      {
        file: path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        channel: 'chrome' as const,
      },
      {
        file: path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        channel: 'msedge' as const,
      },
    ]);
  }
  return [
    { file: '/usr/bin/chromium' },
    { file: '/usr/bin/chromium-browser' },
    { file: '/snap/bin/chromium' },
    { file: '/opt/google/chrome/chrome', channel: 'chrome' },
    { file: '/opt/microsoft/msedge/msedge', channel: 'msedge' },
  ];
}

/** Finds the browser for the e2e tests, or says in one sentence what to install. */
export function findBrowser(search: BrowserSearch = defaultSearch): BrowserChoice {
  const override = search.env.CHROMIUM_PATH;
  if (override) {
    if (search.exists(override)) return { ok: true, kind: 'chromium', executablePath: override };
    return { ok: false, message: `CHROMIUM_PATH is ${override}, but there is no file there.` };
  }
  if (search.env[NO_SEARCH_ENV] === '1') return { ok: false, message: NO_BROWSER_MESSAGE };
  const electron = electronExecutable(path.join(search.repoRoot, 'node_modules', 'electron'), search);
  if (electron !== undefined) return { ok: true, kind: 'electron', executablePath: electron };
  const installed = installedCandidates(search).find((candidate) => search.exists(candidate.file));
  if (installed === undefined) return { ok: false, message: NO_BROWSER_MESSAGE };
  return {
    ok: true,
    kind: 'chromium',
    executablePath: installed.file,
    ...(installed.channel && { channel: installed.channel }),
  };
}
