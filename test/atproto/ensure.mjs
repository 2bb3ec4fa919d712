// Runs before the tests: the AT Protocol tests' reference PDS has its own pinned install, kept out
// of the app's `npm install` so that stays light. The first `npm test` makes it (from the npm
// registry, once); later runs find it and do nothing. Offline, the install fails and
// installed.test.ts says, once, what to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const read = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const pinned = read('package.json').dependencies['@atproto/dev-env'];
const installedFile = 'node_modules/@atproto/dev-env/package.json';
const installed = existsSync(new URL(installedFile, import.meta.url)) ? read(installedFile).version : null;

if (installed !== pinned) {
  process.stdout.write('Installing the reference AT Protocol PDS for the publishing tests (once)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--prefix', folder, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    process.stderr.write(
      'Could not install the AT Protocol test network (is the npm registry reachable?); its tests will say so.\n',
    );
  }
}
