/**
 * `npx tsx test/e2e/screenshots-search.ts`: PNGs of the Following tab, a search with its
 * matches marked, the directory's search and a jump to a date, light and dark, 600 and 1280
 * pixels wide, into docs/screenshots/. Same harness and seeding style as screenshots.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createRepositories } from '../../electron/db/index';
import { ACTIVE_USER_KEY } from '../../electron/ipc/session-state';
import { createAppContext } from '../../electron/main/app-context';
import { tempFolder } from '../fixtures/temp';
import { closeShared, openApp } from './harness';

const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const HOUR = 3_600_000;
const PEOPLE = ['maya', 'jonas', 'li.wei', 'oskar', 'sam9', 'sam79', 'sam100', 'Sam12'];
const POSTS: [string, string, number][] = [
  ['jonas', 'Full text search works offline now: SQLite FTS5, no server.', 2],
  ['maya', 'Morning walk along the river. The fog is only now lifting off the water.', 5],
  ['oskar', 'Paper notebook next to the keyboard, full of arrows.', 20],
  ['jonas', 'Small tools, sharp edges filed off. SQLite again.', 30],
  ['li.wei', 'Tea, a quiet desk and 140 characters ☕', 50],
  ['maya', 'Reading list: A Pattern Language, The Design of Everyday Things.', 80],
  ['jonas', 'Wrote about keyset paging in SQLite: the deep page costs what the first costs.', 120],
];

async function seed(dbPath: string): Promise<void> {
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const ids = new Map(
      PEOPLE.map((name) => [
        name,
        repos.users.create({ username: name, email: `${name.toLowerCase()}@example.org` }).id,
      ]),
    );
    const now = Date.now();
    for (const [author, body, hoursAgo] of [...POSTS].reverse()) {
      repos.posts.create({
        userId: ids.get(author) ?? 0,
        body,
        timestamp: new Date(now - hoursAgo * HOUR).toISOString(),
      });
    }
    const maya = ids.get('maya') ?? 0;
    for (const name of ['jonas', 'li.wei']) repos.follows.add(maya, ids.get(name) ?? 0);
    repos.follows.add(ids.get('oskar') ?? 0, maya);
    repos.settings.set(ACTIVE_USER_KEY, String(maya));
  } finally {
    context.close();
  }
}

async function settle(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300); // let colour transitions finish
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const dbPath = path.join(tempFolder('shots').dir, 'microblog.sqlite');
  await seed(dbPath);
  for (const width of [600, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await openApp({ dbPath, viewport: { width, height: 800 }, colorScheme });
      const shot = (name: string) =>
        page.screenshot({ path: path.join(outDir, `${name}-${colorScheme}-${width}.png`) });
      await page.getByRole('feed', { name: 'Following' }).locator('.post-body').first().waitFor();
      await settle(page);
      await shot('following');
      await page.locator('#search-input').fill('sqlite');
      await page.locator('#search-input').press('Enter');
      await page.locator('.post-body mark').first().waitFor();
      await settle(page);
      await shot('search');
      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByLabel('Find').fill('sam');
      await page.getByRole('link', { name: /^sam100/ }).waitFor();
      await settle(page);
      await shot('directory-search');
      await page.getByRole('link', { name: 'Timeline' }).click();
      const yesterday = new Date(Date.now() - 24 * HOUR);
      const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
      await page.getByLabel('Older than…').fill(day);
      await page.getByRole('button', { name: 'Go' }).click();
      await page.locator('.jump-note').waitFor();
      await settle(page);
      await shot('jump-to-date');
      await close();
    }
  }
  await closeShared();
  console.log(`Screenshots written to ${path.relative(process.cwd(), outDir)}`);
}

await main();
