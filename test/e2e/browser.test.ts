import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BrowserSearch, NO_BROWSER_MESSAGE, NO_SEARCH_ENV, findBrowser } from './browser';

const REPO = '/repo';
const ELECTRON_DIST = path.join(REPO, 'node_modules', 'electron', 'dist');

/** A machine with exactly these files (path.txt holds Electron's executable name). */
function machine(
  files: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  platform: NodeJS.Platform = 'linux',
) {
  const search: BrowserSearch = {
    env,
    platform,
    repoRoot: REPO,
    exists: (file) => file in files,
    readText: (file) => files[file] ?? '',
  };
  return search;
}

const electronDownloaded = {
  [path.join(REPO, 'node_modules', 'electron', 'path.txt')]: 'electron',
  [path.join(ELECTRON_DIST, 'electron')]: '',
};

describe('the e2e browser', () => {
  it('is found on this machine', () => {
    const choice = findBrowser();
    if (!choice.ok) {
      // One sentence, no stack: this is the only e2e test that runs when no browser is found.
      const missing = new Error(choice.message);
      missing.stack = choice.message;
      throw missing;
    }
    expect(choice.executablePath).not.toBe('');
  });

  it('prefers CHROMIUM_PATH, then a downloaded Electron, then an installed browser', () => {
    const files = { '/usr/bin/chromium': '', '/opt/chromium/chrome': '', ...electronDownloaded };
    expect(findBrowser(machine(files, { CHROMIUM_PATH: '/opt/chromium/chrome' }))).toEqual({
      ok: true,
      kind: 'chromium',
      executablePath: '/opt/chromium/chrome',
    });
    expect(findBrowser(machine(files))).toEqual({
      ok: true,
      kind: 'electron',
      executablePath: path.join(ELECTRON_DIST, 'electron'),
    });
    expect(findBrowser(machine({ '/usr/bin/chromium': '' }))).toEqual({
      ok: true,
      kind: 'chromium',
      executablePath: '/usr/bin/chromium',
    });
  });

  it('ignores an Electron package whose binary was never downloaded', () => {
    const files = {
      [path.join(REPO, 'node_modules', 'electron', 'path.txt')]: 'electron',
      '/usr/bin/chromium': '',
    };
    expect(findBrowser(machine(files))).toMatchObject({
      kind: 'chromium',
      executablePath: '/usr/bin/chromium',
    });
  });

  it('launches Chrome and Edge through Playwright’s channel, on each OS', () => {
    expect(findBrowser(machine({ '/opt/google/chrome/chrome': '' }))).toMatchObject({ channel: 'chrome' });
    const mac = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(machine({ [mac]: '' }, {}, 'darwin'))).toMatchObject({ channel: 'msedge' });
    const win = path.win32.join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe');
    const windows = machine({ [win]: '' }, { PROGRAMFILES: 'C:\\Program Files' }, 'win32');
    expect(findBrowser(windows)).toMatchObject({ channel: 'chrome', executablePath: win });
  });

  it('says what to install when there is nothing, and names a CHROMIUM_PATH that is not there', () => {
    expect(findBrowser(machine({}))).toEqual({ ok: false, message: NO_BROWSER_MESSAGE });
    expect(findBrowser(machine({ '/usr/bin/chromium': '' }, { [NO_SEARCH_ENV]: '1' }))).toEqual({
      ok: false,
      message: NO_BROWSER_MESSAGE,
    });
    expect(findBrowser(machine({ '/usr/bin/chromium': '' }, { CHROMIUM_PATH: '/nope/chrome' }))).toEqual({
      ok: false,
      message: 'CHROMIUM_PATH is /nope/chrome, but there is no file there.',
    });
  });
});
