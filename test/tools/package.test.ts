/**
 * Packs the real build with the real electron-builder.yml (`--dir --linux`, offline) and inspects
 * the result. Electron itself cannot be downloaded here, so the test packs a stand-in Electron
 * folder (electronDist) and a stand-in addon: a small file that contains the symbol
 * `node_register_module_v<Electron ABI>`. The ABI check that inspects it is the real one.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, repoRoot } from '../../electron/tools/build';
import { electronAbi } from '../../electron/tools/native-addon/abi-check';
import { installedElectronVersion } from '../../electron/tools/native-addon/ensure-addon';
import { packagedAddonPath } from '../../electron/main/native-addon';
import { packagedAddonCheck } from '../../electron/tools/native-addon/packaged-check';
import { copyProject, makeStandInElectron, readFuseWire, stageStandInAddon } from './package-fixture';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-package-'));
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
  const abi = electronAbi(repoRoot);
  stageStandInAddon(project, Arch[arch], abi);
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    config: {
      electronDist: makeStandInElectron(path.join(work, 'electron'), electronVersion),
      electronVersion,
      directories: { output: release },
      afterPack: packagedAddonCheck(abi, `Electron ${electronVersion} (ABI ${abi})`),
    },
  });
  entries = listPackage(asar, { isPack: false });
  console.log(
    `app.asar (${entries.length} entries), outside node_modules:\n${entries.filter((e) => !e.startsWith('/node_modules/')).join('\n')}`,
  );
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the packaged app (electron-builder --dir --linux)', () => {
  it('contains the built main, preload and renderer and package.json', () => {
    for (const file of [
      '/package.json',
      '/dist/main/main.cjs',
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
    const mainRequires = requires('dist/main/main.cjs');
    expect(mainRequires).toContain('better-sqlite3');
    expect(mainRequires.filter((id) => !allowed.has(id.replace(/^node:/, '')))).toEqual([]);
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

  it('leaves out better-sqlite3’s Node-ABI build and unpacks the Electron-ABI addon from the asar', () => {
    expect(entries.filter((e) => e.startsWith('/node_modules/better-sqlite3/build'))).toEqual([]);
    expect(entries).toContain('/native/better_sqlite3.node');
    const unpacked = packagedAddonPath(resources);
    expect(fs.readFileSync(unpacked, 'latin1')).toContain(`node_register_module_v${electronAbi(repoRoot)}`);
  });

  it('flips the Electron fuses to the safe values', () => {
    // Wire order: runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, asarIntegrity, onlyLoadAppFromAsar,
    // browser-process V8 snapshot (left as Electron ships it), file:// extra privileges.
    expect(readFuseWire(path.join(appOutDir, 'microblog'))).toBe('01001100');
  });

  it('the packed-addon check refuses a Node-ABI addon inside app.asar.unpacked', async () => {
    const nodeAbiAddon = path.join(
      project,
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    fs.copyFileSync(nodeAbiAddon, packagedAddonPath(resources));
    const check = packagedAddonCheck(electronAbi(repoRoot), 'Electron');
    const context = {
      appOutDir,
      packager: { getResourcesDir: (dir: string) => path.join(dir, 'resources') },
    };
    await expect(check(context as unknown as Parameters<typeof check>[0])).rejects.toThrow(
      `node_register_module_v${process.versions.modules}`,
    );
  });
});
