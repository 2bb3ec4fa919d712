/**
 * Builds what the e2e harness serves: the production renderer (Vite, the app's own config) and
 * the real preload bundled as CommonJS with `electron` left external. Both are cached in the
 * temp folder under a hash of their sources, so the first test file of a run builds them and
 * the rest reuse them; a concurrent build by another worker wins or loses an atomic rename.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const SOURCES = ['renderer', 'electron/ipc', 'electron/db', 'electron/preload.ts', 'package.json'];

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

async function bundlePreload(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      write: false,
      minify: false,
      // Unminified on purpose (readable stacks); its size is not what ships.
      chunkSizeWarningLimit: 4096,
      target: 'chrome120',
      lib: { entry: path.join(repoRoot, 'electron/preload.ts'), formats: ['cjs'], fileName: 'preload' },
      rollupOptions: { external: ['electron'] },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = results.flatMap((result) => result.output).find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('Bundling electron/preload.ts produced no code.');
  return chunk.code;
}

async function buildInto(dir: string): Promise<void> {
  await build({
    configFile: path.join(repoRoot, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(dir, 'renderer'), emptyOutDir: true },
  });
  fs.writeFileSync(path.join(dir, 'preload.cjs'), await bundlePreload());
}

let cached: Promise<BuiltAssets> | undefined;

/** Builds (or reuses) the renderer and the preload for this state of the sources. */
export function builtAssets(): Promise<BuiltAssets> {
  cached ??= (async () => {
    const dir = path.join(os.tmpdir(), `microblog-e2e-build-${sourceHash()}`);
    if (!fs.existsSync(path.join(dir, 'preload.cjs'))) {
      const staging = fs.mkdtempSync(`${dir}-staging-`);
      await buildInto(staging);
      try {
        fs.renameSync(staging, dir);
      } catch {
        // Another worker finished first with the same sources; use its copy.
        fs.rmSync(staging, { recursive: true, force: true });
      }
    }
    return {
      rendererDir: path.join(dir, 'renderer'),
      preloadCode: fs.readFileSync(path.join(dir, 'preload.cjs'), 'utf8'),
    };
  })();
  return cached;
}
