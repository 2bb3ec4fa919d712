/**
 * `npm start`: make sure Electron is present (downloading it the first time), build, then launch
 * Electron on the built app. Offline on a first run it stops with one sentence. better-sqlite3's
 * Node-API binary loads in Node and Electron alike, so nothing else is fetched.
 */
import { spawn } from 'node:child_process';
import { buildApp, repoRoot } from './build';
import { ensureElectronBinary } from './ensure-electron';
import { runTool } from '../shared/run-tool';

async function main(): Promise<void> {
  const electron = ensureElectronBinary(repoRoot, 'npm start');
  await buildApp();
  // `electron .` loads package.json's main (dist/main/main.cjs).
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 0 : 1);
  });
}

await runTool(main);
