/** Settings → Data and About for `npm run screenshots`: light and dark, 600 and 1280 px wide. */
import path from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { tempFolder } from '../fixtures/temp';
import { openApp } from './harness';

/** Shoots the Settings screens on the seeded database at `dbPath` (profile `maya` is picked). */
export async function settingsShots(dbPath: string, shot: (name: string) => string): Promise<void> {
  const exportPath = path.join(tempFolder('shots-export').dir, 'microblog-all.jsonl');
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [600, 1280]) {
      const viewport = { width, height: 900 };
      const app = await openApp({ dbPath, viewport, colorScheme, dialogs: { exportPath: null } });
      const { page } = app;
      const chooser = page.getByRole('button', { name: 'maya', exact: true });
      await Promise.race([chooser.waitFor(), page.locator('.post-body').first().waitFor()]);
      if (await chooser.isVisible()) await chooser.click();
      await page.goto(new URL('#/settings/data', page.url()).href);
      const list = page.getByRole('list', { name: 'Backups, newest first' });
      await page.getByLabel('Backups to keep').waitFor();
      if ((await list.count()) === 0) {
        await page.getByRole('button', { name: 'Back up now' }).click();
        await list.waitFor();
      }
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`settings-data-${colorScheme}-${width}`), fullPage: true });
      await page.getByRole('link', { name: 'About' }).click();
      await page.getByText('Data file').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`settings-about-${colorScheme}-${width}`), fullPage: true });
      await app.close();
    }
  }
  // An export under way: enough posts that the bar is caught moving.
  const db = openDatabase(dbPath);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
    INSERT INTO posts (body, timestamp, user_id) SELECT 'old post ' || i, '2001-01-01T00:00:00.000Z', 1 FROM n`);
  db.close();
  const app = await openApp({ dbPath, viewport: { width: 1280, height: 900 }, dialogs: { exportPath } });
  await app.page.goto(new URL('#/settings/data', app.page.url()).href);
  await app.page.getByRole('button', { name: 'Export…' }).click();
  await app.page.getByText(/Exporting… [\d,]+ of/).waitFor();
  await app.page.screenshot({ path: shot('settings-export-progress') });
  await app.page.getByRole('button', { name: 'Cancel' }).click();
  await app.page.getByText('Cancelled: nothing was changed.').waitFor();
  await app.close();
}
