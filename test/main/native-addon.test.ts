import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNativeBinding } from '../../electron/main/native-addon';

describe('resolveNativeBinding', () => {
  it('is undefined under plain Node, so better-sqlite3 uses its own Node-ABI build', () => {
    expect(process.versions.electron).toBeUndefined();
    expect(
      resolveNativeBinding({ isPackaged: false, appPath: '/repo', resourcesPath: '/res' }),
    ).toBeUndefined();
  });

  it('points into app.asar.unpacked when packaged', () => {
    const resourcesPath = path.join('/opt', 'Microblog', 'resources');
    const found = resolveNativeBinding({
      isPackaged: true,
      appPath: path.join(resourcesPath, 'app.asar'),
      resourcesPath,
      electronVersion: '39.8.10',
    });
    expect(found).toBe(path.join(resourcesPath, 'app.asar.unpacked', 'native', 'better_sqlite3.node'));
  });

  it('points at the per-version cache folder under npm start', () => {
    const found = resolveNativeBinding({
      isPackaged: false,
      appPath: path.join('/home', 'me', 'microblog'),
      resourcesPath: '/unused',
      electronVersion: '39.8.10',
      platform: 'linux',
      arch: 'x64',
    });
    expect(found).toBe(
      path.join(
        '/home',
        'me',
        'microblog',
        '.cache',
        'electron-addon',
        '39.8.10-linux-x64',
        'better_sqlite3.node',
      ),
    );
  });
});
