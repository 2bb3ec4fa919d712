/** The Data channels through the real dispatcher: jobs in a worker, events, backups, restore, live updates. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import type { BackupInfo, DataOverview, JobStart } from '../../electron/ipc/channels/data-screen';
import { sha256, tempDir } from '../fixtures/index';
import { dataApp } from './data-app';

describe('export and import through IPC, in a worker thread', () => {
  it('exports where the dialog says, with progress events, then imports the archive into another app', async () => {
    const out = path.join(tempDir(), 'all.jsonl');
    const app = await dataApp({ chooseExportPath: async () => out });
    const jobId = await app.startExport();
    const end = await app.finished(jobId);
    expect(end).toMatchObject({
      outcome: 'done',
      kind: 'export',
      file: out,
      message: 'Exported 3,000 posts to all.jsonl.',
    });
    expect(fs.readFileSync(out, 'utf8').split('\n')).toHaveLength(1 + 1 + 3000 + 1);
    const progress = app.events.filter((event) => event.name === 'data:progress');
    expect(progress.at(-1)).toMatchObject({ payload: { done: 3001, total: 3001 } });

    const other = await dataApp({ chooseImportPath: async () => out });
    const importing = await other.ok<JobStart>('data:import', {});
    if (!importing.started) throw new Error('the import did not start');
    expect(await other.finished(importing.jobId)).toMatchObject({
      outcome: 'done',
      message: 'Imported 0 new profiles, 3,000 new posts and 0 drafts.',
    });
  });

  it('a closed dialog starts nothing; a cancelled export leaves no file; one job at a time', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'cancelled.jsonl');
    let answer: string | null = null;
    const app = await dataApp({ chooseExportPath: async () => answer });
    expect(await app.ok('data:export', { username: null, format: 'csv', passwordHashes: false })).toEqual({
      started: false,
    });
    // Enough rows that the export is still running when the cancel arrives.
    app.ctx.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
      INSERT INTO posts (body, user_id) SELECT 'bulk', 1 FROM n`);
    answer = out;
    const jobId = await app.startExport();
    const second = await app.call('data:export', { username: null, format: 'json', passwordHashes: false });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_BUSY', message: expect.stringContaining('already running') },
    });
    expect(await app.ok('data:cancel', { jobId })).toEqual({ cancelled: true });
    expect(await app.finished(jobId)).toMatchObject({
      outcome: 'cancelled',
      message: 'Cancelled: nothing was changed.',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await app.ok('data:cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('an export of a profile that does not exist gets a sentence', async () => {
    const app = await dataApp({ chooseExportPath: async () => path.join(tempDir(), 'x.jsonl') });
    expect(
      await app.call('data:export', { username: 'nobody', format: 'json', passwordHashes: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'USER_NOT_FOUND', message: 'That profile does not exist any more.' },
    });
  });
});

describe('backups through IPC', () => {
  it('back up now, list, keep N, show in folder, and restore: the current file kept aside, then a relaunch', async () => {
    const shown: string[] = [];
    let relaunched = 0;
    const app = await dataApp({
      showItemInFolder: (file) => void shown.push(file),
      relaunch: () => void relaunched++,
    });
    const first = await app.ok<BackupInfo>('data:backupNow', {});
    expect(first).toMatchObject({ reason: 'manual', schemaVersion: expect.stringMatching(/^\d{4}-/) });
    expect(first.name).toMatch(/^microblog-.+-manual(-\d+)?\.db$/);
    app.ctx.db.prepare(`INSERT INTO posts (body, user_id) VALUES ('after the backup', 1)`).run();
    const overview = await app.ok<DataOverview>('data:overview', {});
    expect(overview).toMatchObject({ keepBackups: 5, job: null, backups: [first] });

    expect(await app.call('data:showInFolder', { target: '../microblog.db' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await app.call('data:showInFolder', { target: 'other.db' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await app.ok('data:showInFolder', { target: first.name });
    await app.ok('data:showInFolder', { target: 'database' });
    expect(shown).toEqual([path.join(app.dir, 'backups', first.name), app.dbPath]);

    const backupFile = path.join(app.dir, 'backups', first.name);
    const backupHash = sha256(backupFile);
    expect(await app.ok('data:restore', { name: first.name })).toEqual({ restarting: true });
    expect(relaunched).toBe(1);
    expect(sha256(app.dbPath)).toBe(backupHash);
    const aside = fs.readdirSync(app.dir).filter((name) => name.includes('-replaced-'));
    expect(aside.some((name) => name.endsWith('.db'))).toBe(true);
    const kept = openDatabase(path.join(app.dir, aside.find((name) => name.endsWith('.db')) as string), {
      readonly: true,
    });
    expect(kept.prepare(`SELECT count(*) FROM posts WHERE body = 'after the backup'`).pluck().get()).toBe(1);
    kept.close();
  });

  it('keeps only as many backups as the setting says', async () => {
    const app = await dataApp();
    for (let i = 0; i < 4; i++) await app.ok('data:backupNow', {});
    expect(await app.ok('data:setKeepBackups', { keepBackups: 2 })).toEqual({ keepBackups: 2 });
    expect((await app.ok<DataOverview>('data:overview', {})).backups).toHaveLength(2);
    expect(await app.call('data:setKeepBackups', { keepBackups: 0 })).toMatchObject({
      ok: false,
      error: { message: 'Keep between 1 and 100 backups.' },
    });
  });

  it('copies the data file path and the details for a bug report', async () => {
    const copied: string[] = [];
    const app = await dataApp({ writeClipboard: async (text) => void copied.push(text) });
    await app.ok('data:copy', { what: 'path' });
    await app.ok('data:copy', { what: 'details' });
    expect(copied[0]).toBe(app.dbPath);
    expect(copied[1]).toMatch(
      /^Microblog 9\.9\.9 \(.+\)\nSchema: \d{4}-.+\nElectron -, Chromium -, Node [\d.]+, SQLite 3\.[\d.]+\nData file: /,
    );
  });
});

describe('live updates', () => {
  it("a commit by another connection is announced within a second; the app's own writes are not", async () => {
    const app = await dataApp();
    await app.ok('session:activate', { userId: 1 });
    await app.ok('posts:create', { userId: 1, body: 'mine' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(app.events.filter((event) => event.name === 'db:changed')).toEqual([]);
    const other = openDatabase(app.dbPath);
    other.prepare(`INSERT INTO posts (body, user_id) VALUES ('from the shell', 1)`).run();
    other.close();
    const started = Date.now();
    while (!app.events.some((event) => event.name === 'db:changed') && Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(app.events.filter((event) => event.name === 'db:changed')).toHaveLength(1);
  });
});
