import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, windowOptions } from '../../electron/main/window';
import { fakeWebContents } from './fake-electron';

describe('the window', () => {
  it('uses the hardened web preferences', () => {
    expect(windowOptions('/p/preload.cjs').webPreferences).toEqual(
      expect.objectContaining({
        preload: '/p/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      }),
    );
  });

  it('denies window.open, and navigation or redirects away from the app, but allows in-app navigation', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    expect(fake.windowOpen('app://microblog/')).toEqual({ action: 'deny' });
    const outcome = (event: string, url: string) => {
      const preventDefault = vi.fn();
      fake.emitter.fire(event, { url, preventDefault });
      return preventDefault.mock.calls.length > 0 ? 'prevented' : 'allowed';
    };
    expect(outcome('will-navigate', 'https://example.com/')).toBe('prevented');
    expect(outcome('will-navigate', 'file:///etc/passwd')).toBe('prevented');
    expect(outcome('will-navigate', 'app://microblog/users')).toBe('allowed');
    expect(outcome('will-redirect', 'https://example.com/')).toBe('prevented');
    expect(outcome('will-attach-webview', 'app://microblog/')).toBe('prevented');
  });
});
