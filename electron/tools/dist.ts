/**
 * `npm run dist`: installers for the current OS, or `npm run dist -- --linux|--win|--mac`
 * (also `--x64`/`--arm64`, and `--dir` for an unpacked folder only). Builds, then packs with
 * electron-builder; an afterPack check makes sure the package holds exactly the target's
 * better-sqlite3 Node-API binary before any installer is written. Output: release/.
 */
import path from 'node:path';
import { Arch, build } from 'electron-builder';
import { buildApp, repoRoot } from './build';
import { installedElectronVersion } from './ensure-electron';
import { parseDistArguments } from './dist-arguments';
import { ToolFailure, runTool } from '../shared/run-tool';
import { writeLog } from './logs';
import { checkPackagedAddon, otherPrebuildsExcluded } from './packaged-addon';

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
  await buildApp();
  for (const platform of request.platforms) {
    try {
      await build({
        projectDir: repoRoot,
        targets: platform.createTarget(request.dirOnly ? 'dir' : null, request.arch),
        config: {
          electronVersion,
          files: [otherPrebuildsExcluded(platform.nodeName, Arch[request.arch])],
          afterPack: checkPackagedAddon,
        },
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
