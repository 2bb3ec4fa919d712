/**
 * A throwaway copy of the project that electron-builder can package offline: the real
 * package.json and electron-builder.yml, the real build output, source folders as decoys that
 * must stay out of the package, node_modules linked to the repository's, a stand-in Electron
 * (electronDist).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** @electron/fuses finds the fuse wire after this sentinel in Electron's executable. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuse wire ('1' on, '0' off): run-as-node, NODE_OPTIONS, --inspect and file:// privileges on. */
export const STAND_IN_FUSES = '10110001';

/** A folder electron-builder accepts as an unpacked Electron for Linux: an `electron` executable with a fuse wire. */
export function makeStandInElectron(dir: string, electronVersion: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run"\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, STAND_IN_FUSES.length]),
    Buffer.from(STAND_IN_FUSES, 'ascii'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  return dir;
}

/** The fuse states ('0'/'1') written after the sentinel in an executable. */
export function readFuseWire(executable: string): string {
  const binary = fs.readFileSync(executable);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${executable}`);
  const start = at + FUSE_SENTINEL.length;
  const length = binary[start + 1] ?? 0;
  return binary.subarray(start + 2, start + 2 + length).toString('ascii');
}

/**
 * Copies the production dependencies (as `npm ls --omit dev` lists them) into the copy's node_modules.
 * A symlink to the repository's node_modules would not do: electron-builder drops packages whose
 * real path lies outside the project. better-sqlite3's C sources are left out (the package excludes them).
 */
function copyProductionModules(repoRoot: string, project: string): void {
  // npm ls exits non-zero for tree problems elsewhere (an extraneous package); its list is still complete.
  const listed = spawnSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], {
    cwd: repoRoot,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  }).stdout;
  const heavy = /[\\/]better-sqlite3[\\/](deps|src)$/;
  for (const packageDir of listed.split('\n').map((line) => line.trim())) {
    if (packageDir === '' || path.resolve(packageDir) === path.resolve(repoRoot)) continue;
    const relative = path.relative(repoRoot, packageDir);
    fs.cpSync(packageDir, path.join(project, relative), {
      recursive: true,
      // Nested node_modules are listed (and copied) as packages of their own.
      filter: (source) =>
        !heavy.test(source) && !(source !== packageDir && path.basename(source) === 'node_modules'),
    });
  }
}

/** Copies the project's top level (sources included, as decoys) and its production dependencies into `project`. */
export function copyProject(repoRoot: string, project: string): void {
  const skip = new Set(['node_modules', 'dist', '.cache', 'release', '.git']);
  fs.mkdirSync(project, { recursive: true });
  for (const entry of fs.readdirSync(repoRoot)) {
    if (skip.has(entry)) continue;
    // A nested install (test/atproto's reference PDS, ~500 MB) is no decoy worth copying.
    fs.cpSync(path.join(repoRoot, entry), path.join(project, entry), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'node_modules',
    });
  }
  copyProductionModules(repoRoot, project);
}
