import path from 'node:path';

/** The addon's file name, the same in every build of better-sqlite3. */
export const ADDON_FILE = 'better_sqlite3.node';

/** The folder, relative to the app's root, that holds the Electron-ABI addon inside the package. */
export const PACKAGED_ADDON_FOLDER = 'native';

/**
 * Where `npm start` and `npm run dist` keep the Electron-ABI addon for one Electron version,
 * platform and architecture. It lives outside node_modules so the Node-ABI build that tests,
 * CLI tools and the shell use is never overwritten.
 */
export function devAddonDirectory(
  repoRoot: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return path.join(repoRoot, '.cache', 'electron-addon', `${electronVersion}-${platform}-${arch}`);
}

export interface NativeBindingOptions {
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** Electron's `app.getAppPath()`: the repository when started by `npm start`, app.asar when packaged. */
  appPath: string;
  /** Electron's `process.resourcesPath`. */
  resourcesPath: string;
  /** The running Electron's version; `process.versions.electron` by default (undefined under plain Node). */
  electronVersion?: string;
  platform?: string;
  arch?: string;
}

/**
 * Where the packaged app's addon sits, given its resources folder (the one holding app.asar):
 * native code cannot be loaded from inside an asar archive, so electron-builder's asarUnpack
 * puts it beside it. The dist tool checks the same file after packing.
 */
export function packagedAddonPath(resourcesPath: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', PACKAGED_ADDON_FOLDER, ADDON_FILE);
}

/**
 * The path of the Electron-ABI better_sqlite3.node to pass as better-sqlite3's `nativeBinding`,
 * or undefined under plain Node, where better-sqlite3's own (Node-ABI) build is the right one.
 */
export function resolveNativeBinding(options: NativeBindingOptions): string | undefined {
  const electronVersion = options.electronVersion ?? process.versions.electron;
  if (electronVersion === undefined) return undefined;
  if (options.isPackaged) {
    return packagedAddonPath(options.resourcesPath);
  }
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  return path.join(devAddonDirectory(options.appPath, electronVersion, platform, arch), ADDON_FILE);
}
