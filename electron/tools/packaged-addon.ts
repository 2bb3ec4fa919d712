import fs from 'node:fs';
import path from 'node:path';
import { type AfterPackContext, Arch } from 'electron-builder';
import { ToolFailure } from '../shared/run-tool';

/** better-sqlite3 13 ships one Node-API binary per platform; a Node-API addon exports this symbol. */
export const NAPI_SYMBOL = 'napi_register_module_v1';

/** The prebuild folder inside the packaged app (native code cannot load from inside app.asar). */
export function packagedPrebuilds(resourcesDir: string): string {
  return path.join(resourcesDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
}

/** The prebuild better-sqlite3 loads on `platform` (Node's `process.platform`) and `arch`. */
export function prebuildName(platform: string, arch: string): string {
  return `${platform}-${arch}.node`;
}

/** An electron-builder `files` pattern that leaves every other platform's prebuild out of the package. */
export function otherPrebuildsExcluded(platform: string, arch: string): string {
  return `!node_modules/better-sqlite3/prebuilds/!(${prebuildName(platform, arch)})`;
}

/**
 * What is wrong with a packaged app's prebuilds folder for a target, or null when it holds
 * exactly the target's Node-API binary and nothing else.
 */
export function prebuildProblem(folder: string, platform: string, arch: string): string | null {
  const wanted = prebuildName(platform, arch);
  const present = fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
  if (!present.includes(wanted)) {
    return `The packaged app has no SQLite addon for ${platform}-${arch} (expected ${path.join(folder, wanted)}).`;
  }
  const others = present.filter((name) => name !== wanted);
  if (others.length > 0) {
    return `The packaged app carries SQLite addons for other platforms (${others.join(', ')}); only ${wanted} belongs in it.`;
  }
  if (!fs.readFileSync(path.join(folder, wanted)).includes(NAPI_SYMBOL)) {
    return `The packaged SQLite addon ${wanted} is not a Node-API module (no ${NAPI_SYMBOL}).`;
  }
  return null;
}

/** An electron-builder afterPack hook: refuses to make an installer from a package whose addon is wrong. */
export async function checkPackagedAddon(context: AfterPackContext): Promise<void> {
  const platform = context.electronPlatformName;
  const arch = Arch[context.arch];
  const folder = packagedPrebuilds(context.packager.getResourcesDir(context.appOutDir));
  const problem = prebuildProblem(folder, platform, arch);
  if (problem !== null) throw new ToolFailure(`${problem} No installer was made.`);
  console.log(`Packaged the SQLite addon ${prebuildName(platform, arch)} (Node-API).`);
}
