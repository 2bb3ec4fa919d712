import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabasePath, userDataDirectory } from '../../electron/db/paths';

describe('resolveDatabasePath: the same file as Electron app.getPath("userData")/microblog.db', () => {
  it('linux: $XDG_CONFIG_HOME/Microblog, else ~/.config/Microblog', () => {
    expect(resolveDatabasePath({ platform: 'linux', env: {}, home: '/home/ann' })).toBe(
      '/home/ann/.config/Microblog/microblog.db',
    );
    expect(
      resolveDatabasePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ann' }),
    ).toBe('/xdg/Microblog/microblog.db');
  });

  it('darwin: ~/Library/Application Support/Microblog', () => {
    expect(userDataDirectory({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Microblog',
    );
  });

  it('win32: %APPDATA%\\Microblog, else the roaming folder under the home', () => {
    expect(
      userDataDirectory({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        home: 'C:\\Users\\ann',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Microblog');
    expect(userDataDirectory({ platform: 'win32', env: {}, home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Microblog',
    );
  });

  it('MICROBLOG_DB overrides everything (made absolute); a blank one is ignored', () => {
    const env = { MICROBLOG_DB: 'data/test.db' };
    expect(resolveDatabasePath({ platform: 'linux', env, home: '/home/ann' })).toBe(
      path.resolve('data/test.db'),
    );
    expect(
      resolveDatabasePath({ platform: 'darwin', env: { MICROBLOG_DB: '/tmp/x.db' }, home: '/Users/ann' }),
    ).toBe('/tmp/x.db');
    expect(resolveDatabasePath({ platform: 'linux', env: { MICROBLOG_DB: '  ' }, home: '/home/ann' })).toBe(
      '/home/ann/.config/Microblog/microblog.db',
    );
  });

  it("uses Electron's own userData folder when the app passes it", () => {
    expect(resolveDatabasePath({ platform: 'linux', env: {}, home: '/home/ann' }, '/custom/data')).toBe(
      '/custom/data/microblog.db',
    );
  });
});
