/**
 * `npm run dist`: installers for the current OS, or `npm run dist -- --linux|--win|--mac`
 * (also `--x64`/`--arm64`, and `--dir` for an unpacked folder only). Builds, makes sure the
 * Electron-ABI SQLite addon exists, checks its ABI, stages it for electron-builder, and checks
 * the packed copy again before any installer is written. Output: release/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Arch, build } from 'electron-builder';
import { ADDON_FILE } from '../main/native-addon';
import { buildApp, repoRoot } from './build';
import { parseDistArguments } from './dist-arguments';
import { ToolFailure, runTool, writeLog } from './failure';
import { checkAddonAbi, electronAbi } from './native-addon/abi-check';
import { ensureElectronAddon, installedElectronVersion } from './native-addon/ensure-addon';
import { packagedAddonCheck } from './native-addon/packaged-check';

/** Puts the checked addon where electron-builder.yml's `files` entry picks it up for this arch. */
function stageAddon(addon: string, arch: Arch): void {
  const stage = path.join(repoRoot, '.cache', 'electron-addon', 'package', Arch[arch]);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(addon, path.join(stage, ADDON_FILE));
}

/** electron-builder's own downloads (Electron's zip, packaging tools) fail with a network error when offline. */
function isDownloadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|cannot resolve|download/i.test(
    text,
  );
}

async function main(): Promise<void> {
  const request = parseDistArguments(process.argv.slice(2));
  const electronVersion = installedElectronVersion(repoRoot);
  const abi = electronAbi(repoRoot);
  const runtime = `Electron ${electronVersion} (ABI ${abi})`;
  await buildApp();
  for (const platform of request.platforms) {
    const target = { electronVersion, platform: platform.nodeName, arch: Arch[request.arch] };
    const addon = ensureElectronAddon(repoRoot, target, 'npm run dist');
    const check = checkAddonAbi(addon, abi, runtime);
    if (!check.ok) throw new ToolFailure(check.message);
    console.log(check.message);
    stageAddon(addon, request.arch);
    try {
      await build({
        projectDir: repoRoot,
        targets: platform.createTarget(request.dirOnly ? 'dir' : null, request.arch),
        config: { electronVersion, afterPack: packagedAddonCheck(abi, runtime) },
        publish: 'never',
      });
    } catch (error) {
      if (error instanceof ToolFailure) throw error;
      if (!isDownloadFailure(error)) throw error;
      const log = writeLog(
        repoRoot,
        'electron-builder',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw new ToolFailure(
        `Microblog could not download Electron ${electronVersion} or the packaging tools for ${platform.name} (no internet connection?): npm run dist needs internet the first time; details are in ${log}.`,
      );
    }
  }
  console.log(`Installers are in ${path.join(repoRoot, 'release')}.`);
}

await runTool(main);
