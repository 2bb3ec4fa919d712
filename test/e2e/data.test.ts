/** Settings → Data: export with progress and Cancel, back up and restore, and live updates from another process. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { runCli, tempDir } from '../fixtures/index';
import { appsPerTest, composer, createFirstProfile, freshDbPath, post, postBodies, visible } from './steps';

const start = appsPerTest();

/** Writes `count` posts by user 1 from a connection of its own, as another process would. */
function bulkPosts(dbPath: string, count: number): void {
  const db = openDatabase(dbPath);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO posts (body, timestamp, user_id)
    SELECT 'bulk post ' || i, strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || i || ' seconds'), 1 FROM n`);
  db.close();
}

describe('Settings → Data', () => {
  it('export shows a progress bar, and Cancel leaves no file, partial or whole', async () => {
    const folder = tempDir('export');
    const out = path.join(folder, 'everything.jsonl');
    const dbPath = freshDbPath();
    const { page, errors } = await start({ dbPath, dialogs: { exportPath: out } });
    await createFirstProfile(page, { username: 'ada', email: 'ada@example.com' });
    bulkPosts(dbPath, 400_000);

    await page.getByRole('link', { name: 'Settings' }).click();

    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Export and import' }));
    await page.getByRole('button', { name: 'Export…' }).click();
    const bar = page.getByRole('progressbar');
    await visible(bar);
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Cancelled: nothing was changed.' }));
    expect(await bar.count()).toBe(0);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('back up now, restore from the list, and the restarted app has the restored data', async () => {
    const dbPath = freshDbPath();
    const first = await start({ dbPath });
    await createFirstProfile(first.page, { username: 'bea', email: 'bea@example.com' });
    await post(first.page, 'before the backup');
    await first.page.getByRole('link', { name: 'Settings' }).click();
    await first.page.getByRole('link', { name: 'Data', exact: true }).click();
    await first.page.getByRole('button', { name: 'Back up now' }).click();
    const list = first.page.getByRole('list', { name: 'Backups, newest first' });
    await visible(list.getByText('Made by you'));

    await first.page.getByRole('link', { name: 'Timeline' }).click();
    await post(first.page, 'after the backup');
    await visible(first.page.getByText('after the backup'));
    await first.page.getByRole('link', { name: 'Settings' }).click();
    await first.page.getByRole('link', { name: 'Data', exact: true }).click();
    await list.getByRole('button', { name: 'Restore…' }).click();
    const dialog = first.page.getByRole('dialog', { name: 'Restore this backup?' });
    await visible(dialog.getByText('is kept aside, next to it, not deleted'));
    await dialog.getByRole('button', { name: 'Restore and restart' }).click();
    await expect.poll(() => first.relaunches(), { timeout: 10_000 }).toBe(1);
    await first.close();

    const again = await start({ dbPath });
    await visible(again.page.getByText('before the backup'));
    expect(await postBodies(again.page)).toEqual(['before the backup']);
    const aside = fs.readdirSync(path.dirname(dbPath)).filter((name) => name.includes('-replaced-'));
    expect(aside.length).toBeGreaterThan(0);
  });

  it('a post written by another process (the shell) appears within 2 s, and the composer keeps its text', async () => {
    const dbPath = freshDbPath();
    const { page } = await start({ dbPath });
    await createFirstProfile(page, { username: 'cy', email: 'cy@example.com' });
    await post(page, 'mine');
    await composer(page).fill('half a thought, still typing');

    const shell = await runCli('shell', [], {
      db: dbPath,
      input: "posts.create({ userId: 1, body: 'written in the shell' })\n",
    });
    expect(shell.code).toBe(0);
    const wrote = Date.now();
    await page.getByText('written in the shell').waitFor({ timeout: 2000 });
    expect(Date.now() - wrote).toBeLessThan(2000);
    expect(await postBodies(page)).toEqual(['written in the shell', 'mine']);
    expect(await composer(page).inputValue()).toBe('half a thought, still typing');
  });
});
