import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ToolFailure } from '../shared/run-tool';
import { writeLog } from './logs';

/** The version of the installed electron package: the Electron that `npm start` runs and `npm run dist` packs. */
export function installedElectronVersion(repoRoot: string): string {
  const manifest = path.join(repoRoot, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** How electronExecutable looks at files; a test passes its own. */
export interface FileProbe {
  exists(file: string): boolean;
  readText(file: string): string;
}

const realFiles: FileProbe = {
  exists: (file) => fs.existsSync(file),
  readText: (file) => fs.readFileSync(file, 'utf8'),
};

/** The path of Electron's executable for this machine, as node_modules/electron/index.js computes it. */
export function electronExecutable(
  electronPackage: string,
  files: FileProbe = realFiles,
): string | undefined {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!files.exists(pathFile)) return undefined;
  const executable = path.join(electronPackage, 'dist', files.readText(pathFile).trim());
  return files.exists(executable) ? executable : undefined;
}

/**
 * Returns Electron's executable, downloading it first (node_modules/electron/install.js) if
 * `npm install` skipped it. `purpose` names the command for the one-sentence failure.
 */
export function ensureElectronBinary(repoRoot: string, purpose: string): string {
  const electronPackage = path.join(repoRoot, 'node_modules', 'electron');
  const present = electronExecutable(electronPackage);
  if (present !== undefined) return present;
  console.log('Downloading Electron (first run only)...');
  const result = spawnSync(process.execPath, [path.join(electronPackage, 'install.js')], {
    cwd: electronPackage,
    encoding: 'utf8',
    // The install script honours ELECTRON_SKIP_BINARY_DOWNLOAD; here the binary is exactly what we want.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const installed = electronExecutable(electronPackage);
  if (result.status === 0 && installed !== undefined) return installed;
  const log = writeLog(repoRoot, 'electron-download', `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  throw new ToolFailure(
    `Microblog could not download Electron (no internet connection?): ${purpose} needs internet the first time; details are in ${log}.`,
  );
}
