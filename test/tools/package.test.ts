/**
 * Packs the real build with the real electron-builder.yml (`--dir --linux`, offline) and inspects
 * the result. Electron itself cannot be downloaded here, so the test packs a stand-in Electron
 * folder (electronDist); the SQLite addon is better-sqlite3's real Node-API prebuild, and the
 * afterPack check that inspects it is the real one.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, repoRoot } from '../../electron/tools/build';
import { installedElectronVersion } from '../../electron/tools/ensure-electron';
import {
  NAPI_SYMBOL,
  checkPackagedAddon,
  otherPrebuildsExcluded,
  packagedPrebuilds,
  prebuildName,
} from '../../electron/tools/packaged-addon';
import { tempFolder } from '../fixtures/temp';
import { copyProject, makeStandInElectron, readFuseWire } from './package-fixture';

const work = tempFolder('package').dir;
const project = path.join(work, 'project');
const release = path.join(work, 'release');
const appOutDir = path.join(release, 'linux-unpacked');
const resources = path.join(appOutDir, 'resources');
const asar = path.join(resources, 'app.asar');
const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
let entries: string[] = [];

beforeAll(async () => {
  copyProject(repoRoot, project);
  await buildApp({ root: repoRoot, outDir: path.join(project, 'dist') });
  const electronVersion = installedElectronVersion(repoRoot);
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    config: {
      electronDist: makeStandInElectron(path.join(work, 'electron'), electronVersion),
      electronVersion,
      directories: { output: release },
      files: [otherPrebuildsExcluded('linux', Arch[arch])],
      afterPack: checkPackagedAddon,
    },
  });
  entries = listPackage(asar, { isPack: false });
  console.log(
    `app.asar (${entries.length} entries), outside node_modules:\n${entries.filter((e) => !e.startsWith('/node_modules/')).join('\n')}`,
  );
}, 120_000);

// The unpacked app is a few hundred MB: removing it outlasts the default hook time on a busy machine.
afterAll(() => fs.rmSync(work, { recursive: true, force: true }), 60_000);

describe('the packaged app (electron-builder --dir --linux)', () => {
  it('contains the built main, preload and renderer and package.json', () => {
    for (const file of [
      '/package.json',
      '/dist/main/main.cjs',
      '/dist/main/data-worker.cjs',
      '/dist/preload/preload.cjs',
      '/dist/renderer/index.html',
    ]) {
      expect(entries).toContain(file);
    }
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
  });

  it('has the migrations bundled into main as a static list, in order', () => {
    const main = extractFile(asar, 'dist/main/main.cjs').toString('utf8');
    const names = fs
      .readdirSync(path.join(repoRoot, 'migrations'))
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(names.length).toBeGreaterThan(0);
    const positions = names.map((name) =>
      main.indexOf(`'${name}'`) >= 0 ? main.indexOf(`'${name}'`) : main.indexOf(`"${name}"`),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has a self-contained sandboxed preload and a main that requires only Electron, Node and production dependencies', () => {
    const requires = (file: string): string[] => [
      ...new Set(
        [
          ...extractFile(asar, file)
            .toString('utf8')
            .matchAll(/\brequire\("([^"]+)"\)/g),
        ].map((m) => m[1] ?? ''),
      ),
    ];
    expect(requires('dist/preload/preload.cjs')).toEqual(['electron']);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set(['electron', ...Object.keys(manifest.dependencies), ...builtinModules]);
    // A package's own subpath (`csv-stringify/sync`) is that package.
    const packageOf = (id: string) =>
      id
        .replace(/^node:/, '')
        .split('/')
        .slice(0, id.startsWith('@') ? 2 : 1)
        .join('/');
    for (const file of ['dist/main/main.cjs', 'dist/main/data-worker.cjs']) {
      const found = requires(file);
      expect(found).toContain('better-sqlite3');
      expect(found.filter((id) => !allowed.has(packageOf(id)))).toEqual([]);
    }
  });

  it('contains no sources, tests, docs or migration files', () => {
    const ownFiles = entries.filter((e) => !e.startsWith('/node_modules/'));
    expect(ownFiles.filter((e) => /\.(ts|tsx|map)$/.test(e))).toEqual([]);
    for (const folder of ['/test', '/docs', '/migrations', '/electron', '/renderer', '/.cache', '/src']) {
      expect(ownFiles.filter((e) => e === folder || e.startsWith(`${folder}/`))).toEqual([]);
    }
    expect(entries).not.toContain('/README.md');
    expect(entries).not.toContain('/electron-builder.yml');
  });

  it('ships the production dependencies and no development ones', () => {
    for (const dependency of ['better-sqlite3', 'umzug', 'zod', 'emittery', 'tinyglobby']) {
      expect(entries).toContain(`/node_modules/${dependency}/package.json`);
    }
    for (const devDependency of ['electron', 'electron-builder', 'vite', 'vitest', 'react', 'typescript']) {
      expect(entries).not.toContain(`/node_modules/${devDependency}`);
    }
  });

  it('packs only this platform’s better-sqlite3 Node-API binary, unpacked from the asar', () => {
    const own = prebuildName('linux', Arch[arch]);
    const packed = entries.filter((e) => e.endsWith('.node'));
    expect(packed).toEqual([`/node_modules/better-sqlite3/prebuilds/${own}`]);
    expect(entries.filter((e) => /better-sqlite3\/(build|deps|src)(\/|$)/.test(e))).toEqual([]);
    const unpacked = path.join(packagedPrebuilds(resources), own);
    expect(fs.readFileSync(unpacked).includes(NAPI_SYMBOL)).toBe(true);
  });

  it('flips the Electron fuses to the safe values', () => {
    // Wire order: runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, asarIntegrity, onlyLoadAppFromAsar,
    // browser-process V8 snapshot (left as Electron ships it), file:// extra privileges.
    expect(readFuseWire(path.join(appOutDir, 'microblog'))).toBe('01001100');
  });

  it('the packed-addon check refuses a missing binary, another platform’s, and a non-Node-API file', async () => {
    const folder = packagedPrebuilds(resources);
    const own = path.join(folder, prebuildName('linux', Arch[arch]));
    const context = {
      appOutDir,
      arch,
      electronPlatformName: 'linux',
      packager: { getResourcesDir: (dir: string) => path.join(dir, 'resources') },
    } as unknown as Parameters<typeof checkPackagedAddon>[0];
    const real = fs.readFileSync(own);
    await expect(checkPackagedAddon(context)).resolves.toBeUndefined();
    fs.writeFileSync(path.join(folder, 'win32-x64.node'), real);
    await expect(checkPackagedAddon(context)).rejects.toThrow('other platforms (win32-x64.node)');
    fs.rmSync(path.join(folder, 'win32-x64.node'));
    fs.writeFileSync(own, 'a stand-in that is not a Node-API module');
    await expect(checkPackagedAddon(context)).rejects.toThrow('is not a Node-API module');
    fs.rmSync(own);
    await expect(checkPackagedAddon(context)).rejects.toThrow('has no SQLite addon for linux-');
  });
});
