import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/ipc/contract';
import { runApp } from '../../electron/main/app';
import { fakeElectron, fakeEvent, fakeWebContents, FakeWindow } from './fake-electron';
import { markFromTheFuture, seedDatabase, sha256, tempDir } from '../fixtures/index';

afterEach(() => vi.restoreAllMocks());

async function started() {
  const dir = tempDir();
  const fake = fakeElectron({ userData: dir, appPath: '/opt/microblog' });
  const result = await runApp(fake.electron);
  if (result.state !== 'running') throw new Error(`not running: ${result.state}`);
  return { ...fake, result, dir };
}

describe('runApp with a fake Electron', () => {
  it('takes the lock, hardens, starts the database, serves, registers every channel, then opens the window', async () => {
    const app = await started();
    expect(app.calls[0]).toMatch(
      /^registerSchemesAsPrivileged .*"scheme":"app".*"standard":true.*"secure":true/,
    );
    expect(app.calls.slice(1, 3)).toEqual(['requestSingleInstanceLock', 'whenReady']);
    expect(app.calls).toContain('protocol.handle app');
    expect(app.calls.filter((c) => c.startsWith('handle ')).map((c) => c.slice(7))).toEqual([...CHANNELS]);
    expect(fs.existsSync(path.join(app.dir, 'microblog.db'))).toBe(true);

    const [window] = FakeWindow.created;
    expect(window?.loaded).toEqual(['app://microblog/']);
    const prefs = window?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(prefs?.preload).toBe(path.join('/opt/microblog', 'dist', 'preload', 'preload.cjs'));
    expect(window?.shown).toBe(false);
    window?.events.fire('ready-to-show');
    expect(window?.shown).toBe(true);
    app.result.context.close();
  });

  it('answers IPC from its own window and refuses every other sender', async () => {
    const app = await started();
    const window = FakeWindow.created[0] as FakeWindow;
    const handler = app.handlers.get('users:list');
    expect(await handler?.(fakeEvent(window.webContents), { order: 'asc' })).toEqual({ ok: true, value: [] });

    const stranger = fakeWebContents('app://microblog/');
    expect(await handler?.(fakeEvent(stranger.contents), { order: 'asc' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const iframe = { url: 'app://microblog/' };
    expect(await handler?.(fakeEvent(window.webContents, iframe), { order: 'asc' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await handler?.(fakeEvent(window.webContents, null), { order: 'asc' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    window.fake.frame.url = 'https://evil.example/';
    expect(await handler?.(fakeEvent(window.webContents), { order: 'asc' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    app.result.context.close();
  });

  it('denies all permissions and hardens every web contents created', async () => {
    const app = await started();
    let granted: boolean | undefined;
    (app.permission.request as unknown as (...a: unknown[]) => void)(
      {},
      'media',
      (ok: boolean) => (granted = ok),
      {},
    );
    expect(granted).toBe(false);
    expect((app.permission.check as unknown as (...a: unknown[]) => boolean)({}, 'notifications')).toBe(
      false,
    );

    const contents = fakeWebContents();
    app.appEvents.fire('web-contents-created', {}, contents.contents);
    expect(contents.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
    const away = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emitter.fire('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    app.result.context.close();
  });

  it('a second instance quits at once; the first focuses its window', async () => {
    const second = fakeElectron({ userData: tempDir(), appPath: '/opt/microblog', gotLock: false });
    expect(await runApp(second.electron)).toEqual({ state: 'second-instance' });
    expect(second.calls).toContain('quit');
    expect(second.calls).not.toContain('whenReady');
    expect(FakeWindow.created).toHaveLength(0);

    const first = await started();
    const window = FakeWindow.created[0] as FakeWindow;
    window.minimized = true;
    first.appEvents.fire('second-instance');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    first.result.context.close();
  });

  it('honours MICROBLOG_DB', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'elsewhere', 'mine.db');
    const fake = fakeElectron({
      userData: path.join(dir, 'userData'),
      appPath: '/opt/microblog',
      env: { MICROBLOG_DB: dbPath },
    });
    const result = await runApp(fake.electron);
    if (result.state !== 'running') throw new Error(result.state);
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'userData', 'microblog.db'))).toBe(false);
    result.context.close();
  });

  it('refuses a database from the future with the dialog, copies details, and quits without a window', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath);
    markFromTheFuture(dbPath);
    const fake = fakeElectron({ userData: dir, appPath: '/opt/microblog' });
    fake.answers.push(0, 1); // Copy details, then Quit.
    expect(await runApp(fake.electron)).toEqual({ state: 'refused', choice: 'quit' });
    expect(fake.messageBoxes).toHaveLength(2);
    // SQLite reads the file, so besides quitting it may be opened read-only; there is no backup.
    expect(fake.messageBoxes[0]?.buttons).toEqual(['Copy details', 'Quit', 'Open read-only to export']);
    expect(fake.messageBoxes[0]?.detail).toContain(dbPath);
    expect(fake.messageBoxes[0]?.detail).toContain('3 posts');
    expect(fake.clipboardTexts[0]).toContain('from-the-future');
    expect(fake.calls).toContain('quit');
    expect(FakeWindow.created).toHaveLength(0);
    expect(fake.calls.some((c) => c.startsWith('handle '))).toBe(false);
  });

  it('does not quit under the refusal dialog when the last (updating) window closes during startup', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    fs.writeFileSync(dbPath, 'not a database');
    const fake = fakeElectron({ userData: dir, appPath: '/opt/microblog' });
    const show = fake.electron.dialog.showMessageBox;
    fake.electron.dialog.showMessageBox = async (box) => {
      // What Electron does when the "Updating your data…" window was the only one and closed.
      fake.appEvents.fire('window-all-closed');
      return show(box);
    };
    expect(await runApp(fake.electron)).toEqual({ state: 'refused', choice: 'quit' });
    // One quit: the user's, from the dialog; none from window-all-closed while it was open.
    expect(fake.calls.filter((c) => c === 'quit')).toEqual(['quit']);
    expect(fake.messageBoxes).toHaveLength(1);
  });

  it('opens a refused file that SQLite reads read-only: the posts are served, nothing is written', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'microblog.db');
    await seedDatabase(dbPath, { journal: 'delete' });
    markFromTheFuture(dbPath);
    const before = sha256(dbPath);
    const fake = fakeElectron({ userData: dir, appPath: '/opt/microblog' });
    fake.answers.push(2); // Open read-only to export.
    const result = await runApp(fake.electron);
    if (result.state !== 'running') throw new Error(`not running: ${result.state}`);
    expect(result.readOnly).toBe(true);
    const timeline = await result.context.dispatch('posts:timeline', {});
    expect(timeline.ok && (timeline.value as { items: unknown[] }).items).toHaveLength(3);
    const write = await result.context.dispatch('users:create', {
      username: 'new',
      email: 'new@example.com',
    });
    expect(write.ok).toBe(false);
    result.context.close();
    expect(sha256(dbPath)).toBe(before);
  });
});
