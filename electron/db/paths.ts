import os from 'node:os';
import path from 'node:path';

/** The app's name as Electron derives it (package.json `productName`), which names its data folder. */
export const APP_NAME = 'Microblog';
export const DATABASE_FILE = 'microblog.db';

interface PathEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const here: PathEnvironment = { platform: process.platform, env: process.env, home: os.homedir() };

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, computed without
 * Electron so the CLI tools open the same file as the app.
 */
export function userDataDirectory(at: PathEnvironment = here): string {
  const { platform, env, home } = at;
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** The one place that decides which database file the app and the tools open. */
export function resolveDatabasePath(at: PathEnvironment = here, userData?: string): string {
  const override = at.env.MICROBLOG_DB;
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.join(userData ?? userDataDirectory(at), DATABASE_FILE);
}
