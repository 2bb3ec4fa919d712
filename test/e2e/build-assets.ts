/**
 * Builds what the e2e harness serves with `npm run build`'s own code (buildApp): main, the
 * preload and the production renderer exactly as they ship, in an app folder laid out like the
 * repository (dist/main, dist/preload, dist/renderer, node_modules linked to this checkout's),
 * so Electron can also run it as an app. The folder is cached in the temp folder under a hash
 * of the sources, so the first test file of a run builds it and the rest reuse it; a concurrent
 * build by another worker wins or loses an atomic rename.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempFolder } from '../fixtures/temp';
import { buildApp, repoRoot } from '../../electron/tools/build';

const SOURCES = [
  'renderer',
  'electron/ipc',
  'electron/db',
  'electron/main',
  'electron/main.ts',
  'electron/preload.ts',
  'electron/tools/build.ts',
  'migrations',
  'package.json',
];

function listFiles(entry: string): string[] {
  const full = path.join(repoRoot, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(full, name))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

/** A hash of every source that goes into the built assets: a changed file means a rebuild. */
function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of SOURCES.flatMap(listFiles)) {
    hash.update(path.relative(repoRoot, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface BuiltAssets {
  /** The app folder: dist/ as `npm run build` writes it, and node_modules. */
  appDir: string;
  /** The built renderer folder (index.html and assets/). */
  rendererDir: string;
  /** The preload as one CommonJS script that calls `require('electron')`. */
  preloadCode: string;
}

let cached: Promise<BuiltAssets> | undefined;

/** Builds (or reuses) the renderer and the preload for this state of the sources. */
export function builtAssets(): Promise<BuiltAssets> {
  cached ??= (async () => {
    const name = `e2e-build-${sourceHash()}`;
    const dir = path.join(os.tmpdir(), `microblog-${name}`);
    const preload = path.join(dir, 'dist', 'preload', 'preload.cjs');
    if (!fs.existsSync(preload)) {
      // Built beside its final place and renamed there whole, so no worker sees half a build.
      const { dir: staging, remove } = tempFolder(`${name}-staging`);
      await buildApp({ outDir: path.join(staging, 'dist') });
      // main.cjs requires its production dependencies from node_modules beside dist/.
      fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(staging, 'node_modules'), 'junction');
      try {
        fs.renameSync(staging, dir);
      } catch {
        // Another worker finished first with the same sources; use its copy.
        remove();
      }
    }
    return {
      appDir: dir,
      rendererDir: path.join(dir, 'dist', 'renderer'),
      preloadCode: fs.readFileSync(preload, 'utf8'),
    };
  })();
  return cached;
}
