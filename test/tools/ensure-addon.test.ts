import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devAddonDirectory } from '../../electron/main/native-addon';
import {
  ensureElectronAddon,
  installedElectronVersion,
} from '../../electron/tools/native-addon/ensure-addon';

/** A project folder with just what the addon step reads: Electron's version and ABI. */
function fakeProject(version: string, abi: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-addon-'));
  const electron = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ name: 'electron', version }));
  fs.writeFileSync(path.join(electron, 'abi_version'), abi);
  fs.writeFileSync(path.join(root, 'package.json'), '{}');
  return root;
}

describe('ensureElectronAddon', () => {
  it('uses the cached addon for the installed Electron without fetching anything', () => {
    const root = fakeProject('39.8.10', '140');
    expect(installedElectronVersion(root)).toBe('39.8.10');
    const folder = devAddonDirectory(root, '39.8.10', 'linux', 'x64');
    fs.mkdirSync(folder, { recursive: true });
    // A stand-in: the real addon needs a download. It carries the symbol the ABI check reads.
    fs.writeFileSync(path.join(folder, 'better_sqlite3.node'), 'stand-in\0node_register_module_v140\0');
    const target = { electronVersion: '39.8.10', platform: 'linux', arch: 'x64' };
    expect(ensureElectronAddon(root, target, 'npm start')).toBe(path.join(folder, 'better_sqlite3.node'));
    expect(fs.existsSync(path.join(root, '.cache', 'electron-addon', 'work'))).toBe(false);
  });

  it('does not accept a cached addon built for another ABI (it tries to fetch a new one)', () => {
    const root = fakeProject('39.8.10', '140');
    const folder = devAddonDirectory(root, '39.8.10', 'linux', 'x64');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'better_sqlite3.node'), 'stand-in\0node_register_module_v115\0');
    const target = { electronVersion: '39.8.10', platform: 'linux', arch: 'x64' };
    // This fake project has no better-sqlite3 to fetch into, so the attempt itself fails.
    expect(() => ensureElectronAddon(root, target, 'npm start')).toThrow(/better-sqlite3/);
  });
});
