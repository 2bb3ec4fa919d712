/**
 * Builds what the e2e harness serves with `npm run build`'s own code (buildApp): the
 * production renderer and the preload exactly as they ship (dist/preload/preload.cjs, with
 * `electron` left external). Both are cached in the
 * temp folder under a hash of their sources, so the first test file of a run builds them and
 * the rest reuse them; a concurrent build by another worker wins or loses an atomic rename.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, repoRoot } from '../../electron/tools/build';

const SOURCES = [
  'renderer',
  'electron/ipc',
  'electron/db',
  'electron/preload.ts',
  'electron/tools/build.ts',
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
  /** The built renderer folder (index.html and assets/). */
  rendererDir: string;
  /** The preload as one CommonJS script that calls `require('electron')`. */
  preloadCode: string;
}

let cached: Promise<BuiltAssets> | undefined;

/** Builds (or reuses) the renderer and the preload for this state of the sources. */
export function builtAssets(): Promise<BuiltAssets> {
  cached ??= (async () => {
    const dir = path.join(os.tmpdir(), `microblog-e2e-build-${sourceHash()}`);
    const preload = path.join(dir, 'preload', 'preload.cjs');
    if (!fs.existsSync(preload)) {
      const staging = fs.mkdtempSync(`${dir}-staging-`);
      await buildApp({ outDir: staging });
      try {
        fs.renameSync(staging, dir);
      } catch {
        // Another worker finished first with the same sources; use its copy.
        fs.rmSync(staging, { recursive: true, force: true });
      }
    }
    return {
      rendererDir: path.join(dir, 'renderer'),
      preloadCode: fs.readFileSync(preload, 'utf8'),
    };
  })();
  return cached;
}
