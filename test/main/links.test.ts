import { describe, expect, it } from 'vitest';
import { runApp } from '../../electron/main/app';
import { tempDir } from '../fixtures/index';
import { FakeWindow, fakeElectron, fakeEvent } from './fake-electron';

describe('links open in the system browser, never in the window', () => {
  it('links:open from the app window reaches shell.openExternal with the checked address', async () => {
    const fake = fakeElectron({ userData: tempDir(), appPath: '/opt/microblog' });
    const result = await runApp(fake.electron);
    if (result.state !== 'running') throw new Error(`not running: ${result.state}`);
    try {
      const window = FakeWindow.created[0] as FakeWindow;
      const open = fake.handlers.get('links:open');
      const event = fakeEvent(window.webContents);
      expect(await open?.(event, { url: 'https://example.com/#x' })).toEqual({
        ok: true,
        value: { opened: true },
      });
      expect(await open?.(event, { url: 'javascript:alert(1)' })).toMatchObject({ ok: false });
      expect(fake.openedExternal).toEqual(['https://example.com/#x']);
    } finally {
      result.context.close();
    }
  });
});
