import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ADDON_FILE, devAddonDirectory } from '../../main/native-addon';
import { ToolFailure, writeLog } from '../failure';
import { checkAddonAbi, electronAbi } from './abi-check';

export interface AddonTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

/** The installed Electron's version, from node_modules/electron/package.json. */
export function installedElectronVersion(repoRoot: string): string {
  const manifest = path.join(repoRoot, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * The environment for a build of the addon: npm's `nodedir` (set to /usr on some machines) and
 * friends would silently point a build at Node's headers and produce a Node-ABI binary.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_config_(nodedir|target|runtime|arch|platform|disturl|dist_url)$/i.test(key)) env[key] = value;
  }
  return env;
}

/** Copies what prebuild-install and node-gyp read from better-sqlite3, leaving node_modules untouched. */
function copyPackage(repoRoot: string, workDir: string): void {
  const source = path.dirname(
    createRequire(path.join(repoRoot, 'package.json')).resolve('better-sqlite3/package.json'),
  );
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    const from = path.join(source, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(workDir, entry), { recursive: true });
  }
}

function run(command: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: cleanEnvironment() });
  const output = `$ ${[command, ...args].join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}\n`;
  return { ok: result.status === 0, output };
}

/**
 * Makes sure the better-sqlite3 addon for `target` (an Electron version, platform and arch) is in
 * .cache/electron-addon/<version>-<platform>-<arch>/ and exports Electron's ABI, and returns its path.
 * It downloads the prebuilt addon into a copy of the package (prebuild-install --runtime electron)
 * and, for the host platform only, falls back to compiling that copy against Electron's headers.
 * `purpose` names the command for the one-sentence failure.
 */
export function ensureElectronAddon(repoRoot: string, target: AddonTarget, purpose: string): string {
  const abi = electronAbi(repoRoot);
  const runtime = `Electron ${target.electronVersion} (ABI ${abi})`;
  const folder = devAddonDirectory(repoRoot, target.electronVersion, target.platform, target.arch);
  const addon = path.join(folder, ADDON_FILE);
  if (checkAddonAbi(addon, abi, runtime).ok) return addon;

  const workDir = path.join(
    repoRoot,
    '.cache',
    'electron-addon',
    'work',
    path.basename(folder),
    'better-sqlite3',
  );
  console.log(
    `Fetching the SQLite addon for ${runtime} on ${target.platform}-${target.arch} (first run only)...`,
  );
  copyPackage(repoRoot, workDir);
  const prebuildInstall = createRequire(path.join(repoRoot, 'package.json')).resolve(
    'prebuild-install/bin.js',
  );
  const electronTarget = ['--runtime', 'electron', '--target', target.electronVersion, '--arch', target.arch];
  const attempts = [
    run(
      process.execPath,
      [prebuildInstall, ...electronTarget, '--platform', target.platform, '--verbose'],
      workDir,
    ),
  ];
  const built = path.join(workDir, 'build', 'Release', ADDON_FILE);
  if (!attempts[0]?.ok && target.platform === process.platform) {
    const nodeGyp = createRequire(path.join(repoRoot, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
    attempts.push(
      run(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          `--target=${target.electronVersion}`,
          `--arch=${target.arch}`,
          '--dist-url=https://electronjs.org/headers',
          '--runtime=electron',
        ],
        workDir,
      ),
    );
  }
  const check = checkAddonAbi(built, abi, runtime);
  if (!check.ok) {
    const log = writeLog(
      repoRoot,
      'electron-addon',
      attempts.map((a) => a.output).join('\n') + `\n${check.message}\n`,
    );
    const fetched = fs.existsSync(built);
    throw new ToolFailure(
      fetched
        ? `Microblog got a SQLite addon that does not match ${runtime}, so ${purpose} stopped; details are in ${log}.`
        : `Microblog could not download the SQLite addon for Electron ${target.electronVersion} (no internet connection?): ${purpose} needs internet the first time; details are in ${log}.`,
    );
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(built, addon);
  fs.rmSync(path.dirname(workDir), { recursive: true, force: true });
  return addon;
}
