/**
 * Part of `npm run screenshots`: links and tags in a post, an edited post with its history, the
 * Undo toast and the counter past the limit, light and dark, 600 and 1280 pixels wide.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createRepositories } from '../../electron/db/index';
import { ACTIVE_USER_KEY } from '../../electron/ipc/session-state';
import { createAppContext } from '../../electron/main/app-context';
import { tempFolder } from '../fixtures/temp';
import { openApp } from './harness';

const MINUTE = 60_000;

async function seed(dbPath: string): Promise<void> {
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const maya = repos.users.create({ username: 'maya', email: 'maya@example.org' }).id;
    const jonas = repos.users.create({ username: 'jonas', email: 'jonas@example.org' }).id;
    const now = Date.now();
    const at = (ago: number) => new Date(now - ago).toISOString();
    repos.posts.create({
      userId: jonas,
      body: 'Small tools, sharp edges filed off. #tools',
      timestamp: at(90 * MINUTE),
    });
    const edited = repos.posts.create({
      userId: maya,
      body: 'Mornign walk along the rivr.',
      timestamp: at(40 * MINUTE),
    });
    repos.posts.edit(edited.id, maya, 'Morning walk along the river. The fog is only now lifting. #walks');
    repos.posts.create({
      userId: jonas,
      body: 'Notes on keeping everything in one file: https://sqlite.org/appfileformat.html #sqlite #til — thanks @maya',
      timestamp: at(3 * MINUTE),
    });
    repos.settings.set(ACTIVE_USER_KEY, String(maya));
  } finally {
    context.close();
  }
}

/** Takes the four pictures on one open page. */
async function scenes(page: Page, shot: (name: string) => string): Promise<void> {
  await page.locator('.post-link').first().waitFor();
  await page.mouse.move(1, 1);
  await page.screenshot({ path: shot('post-links') });

  await page.getByRole('button', { name: 'Show history' }).click();
  await page.getByRole('list', { name: 'Earlier versions' }).waitFor();
  await page.locator('.post .edited').hover();
  await page.screenshot({ path: shot('post-history') });
  await page.getByRole('button', { name: 'Hide history' }).click();

  await page
    .getByRole('textbox', { name: 'New post' })
    .fill(
      `${'Tea, a quiet desk and a long thought that will not fit. '.repeat(2)}👨‍👩‍👧‍👦🇩🇪 and then some more words, past the limit`,
    );
  await page.locator('.over-preview mark').waitFor();
  await page.screenshot({ path: shot('counter-over') });
  await page.getByRole('textbox', { name: 'New post' }).fill('');

  await page
    .locator('.post', { hasText: 'Morning walk' })
    .getByRole('button', { name: /Delete post/ })
    .click();
  await page
    .getByRole('dialog', { name: 'Delete this post?' })
    .getByRole('button', { name: 'Delete post' })
    .click();
  const toast = page.getByRole('status').filter({ hasText: 'Post deleted' });
  await toast.waitFor();
  await page.mouse.move(1, 1);
  await page.screenshot({ path: shot('undo-toast') });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await toast.waitFor({ state: 'hidden' });
}

/** Writes post-links, post-history, counter-over and undo-toast for each theme and width. */
export async function postScreenshots(outDir: string): Promise<void> {
  for (const width of [600, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const dbPath = path.join(tempFolder('shots').dir, 'microblog.sqlite');
      await seed(dbPath);
      const app = await openApp({ dbPath, viewport: { width, height: 800 }, colorScheme });
      try {
        await scenes(app.page, (name) => path.join(outDir, `${name}-${colorScheme}-${width}.png`));
      } finally {
        await app.close();
      }
    }
  }
}
