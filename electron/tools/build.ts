import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type InlineConfig } from 'vite';

/** The repository this script belongs to. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** The repository to build (default: this one). */
  root?: string;
  /** Where main/, preload/ and renderer/ are written (default: <root>/dist). */
  outDir?: string;
}

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** The production dependencies stay in node_modules (shipped by electron-builder), so main does not bundle them. */
function productionDependencies(root: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(manifest.dependencies ?? {});
}

/** `name` and `name/sub/path` both match an external package. */
function externalMatcher(names: readonly string[]): (id: string) => boolean {
  return (id) => names.some((name) => id === name || id.startsWith(`${name}/`));
}

/** One CommonJS file for a Node-side entry (main or preload), built with Vite's library mode. */
function nodeEntryConfig(
  root: string,
  entry: string,
  outDir: string,
  external: readonly string[],
  emptyOutDir = true,
): InlineConfig {
  const fileName = path.basename(entry, '.ts');
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      // SSR mode resolves packages for Node (no browser fields, no polyfills).
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir,
      minify: false,
      reportCompressedSize: false,
      lib: { entry: path.join(root, entry), formats: ['cjs'], fileName: () => `${fileName}.cjs` },
      rolldownOptions: {
        external: externalMatcher(external),
        // One file per entry: the sandboxed preload cannot require sibling chunks.
        output: { codeSplitting: false },
      },
    },
    // Bundle everything that is not listed as external, even code found in node_modules.
    ssr: { noExternal: true },
  };
}

/**
 * `npm run build`: main → dist/main/main.cjs (and its worker, data-worker.cjs), preload → dist/preload/preload.cjs,
 * renderer → dist/renderer.
 * Migrations reach main through the static list in migrations/index.ts, so they are bundled into main.cjs.
 */
export async function buildApp(options: BuildOptions = {}): Promise<string> {
  const root = options.root ?? repoRoot;
  const outDir = options.outDir ?? path.join(root, 'dist');
  const mainExternal = ['electron', ...productionDependencies(root), ...nodeBuiltins];
  await build(nodeEntryConfig(root, 'electron/main.ts', path.join(outDir, 'main'), mainExternal));
  // The export/import worker thread: its own file beside main.cjs (a Worker loads a file by path).
  await build(
    nodeEntryConfig(root, 'electron/main/data-worker.ts', path.join(outDir, 'main'), mainExternal, false),
  );
  // A sandboxed preload may require only `electron` (and a few polyfilled modules); everything else is inlined.
  await build(nodeEntryConfig(root, 'electron/preload.ts', path.join(outDir, 'preload'), ['electron']));
  await build({
    configFile: path.join(root, 'renderer', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(outDir, 'renderer'), emptyOutDir: true },
  });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const outDir = await buildApp();
  console.log(
    `Built main, preload and renderer into ${path.relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms.`,
  );
}
