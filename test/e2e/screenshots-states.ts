/**
 * A timeline with a post in every publish state (only on this computer, waiting, waiting after
 * two tries, published, refused with Retry), light and dark, 600 and 1280 wide, in
 * docs/screenshots/post-states-<theme>-<width>.png. Part of `npm run screenshots`; alone:
 * `npx tsx test/e2e/screenshots-states.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempFolder } from '../fixtures/temp';
import { closeShared, openApp } from './harness';
import { seedPublishStates } from './publish-seed';

// Tall enough for the composer and the six posts below it.
const SIZES = [
  { width: 600, height: 1240 },
  { width: 1280, height: 1040 },
];

/** Writes the four screenshots into `outDir`. */
export async function stateScreenshots(outDir: string): Promise<void> {
  const dbPath = path.join(tempFolder('state-shots').dir, 'microblog.sqlite');
  await seedPublishStates(dbPath);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of SIZES) {
      const { page, close } = await openApp({ dbPath, viewport, colorScheme });
      const chooser = page.getByRole('heading', { name: 'Who is posting?' });
      const timeline = page.locator('.post-body').first();
      await Promise.race([chooser.waitFor(), timeline.waitFor()]);
      if (await chooser.isVisible()) await page.getByRole('button', { name: 'maya', exact: true }).click();
      await page.getByRole('button', { name: /^Retry publishing/ }).waitFor();
      await page.mouse.move(2, 2);
      await page.evaluate(`document.activeElement instanceof HTMLElement && document.activeElement.blur()`);
      await page.waitForTimeout(300); // let colour transitions finish
      await page.screenshot({ path: path.join(outDir, `post-states-${colorScheme}-${viewport.width}.png`) });
      if (colorScheme === 'light' && viewport.width === 1280) {
        await page
          .getByRole('link', { name: /^Published/ })
          .locator('..')
          .getByRole('button', { name: 'Edit' })
          .click();
        await page.getByRole('button', { name: 'Delete and post again' }).waitFor();
        await page.mouse.move(2, 2);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(outDir, 'edit-published-light-1280.png') });
      }
      await close();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
  fs.mkdirSync(outDir, { recursive: true });
  await stateScreenshots(outDir);
  await closeShared();
  console.log(`Publish-state screenshots written to ${path.relative(process.cwd(), outDir)}`);
}
