/**
 * `npm start`: make sure Electron and its SQLite addon are present (downloading them the first
 * time), build, then launch Electron on the built app. Offline on a first run it stops with one
 * sentence and leaves node_modules as it was.
 */
import { spawn } from 'node:child_process';
import { buildApp, repoRoot } from './build';
import { runTool } from './failure';
import { ensureElectronAddon, installedElectronVersion } from './native-addon/ensure-addon';
import { ensureElectronBinary } from './native-addon/ensure-electron';

async function main(): Promise<void> {
  const electron = ensureElectronBinary(repoRoot, 'npm start');
  const target = {
    electronVersion: installedElectronVersion(repoRoot),
    platform: process.platform,
    arch: process.arch,
  };
  ensureElectronAddon(repoRoot, target, 'npm start');
  await buildApp();
  // `electron .` loads package.json's main (dist/main/main.cjs); app.getAppPath() is then the repository,
  // which is where resolveNativeBinding looks for the addon under .cache/.
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 0 : 1);
  });
}

await runTool(main);
