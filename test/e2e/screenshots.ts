/**
 * `npm run screenshots`: writes PNGs of the main screens to docs/screenshots/, taken with the
 * e2e harness (the real app where Electron is downloaded, else the built renderer in a
 * Chromium over the real main-process code) on a seeded temporary database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { tempFolder } from '../fixtures/temp';
import { closeShared, openApp } from './harness';
import { uxScreenshots } from './screenshots-ux';
import { postScreenshots } from './screenshots-posts';
import { settingsShots } from './screenshots-data';
import { stateScreenshots } from './screenshots-states';

const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const viewport = { width: 1100, height: 760 };

const MINUTE = 60_000;
const SAMPLE: [string, string, number][] = [
  ['maya', 'Morning walk along the river. The fog is only now lifting off the water.', 3 * MINUTE],
  [
    'jonas',
    'Shipped the offline mode today.\nEverything lives in one SQLite file now — no server needed.',
    26 * MINUTE,
  ],
  [
    'maya',
    'Reading list for the weekend:\n• A Pattern Language\n• The Design of Everyday Things',
    2 * 60 * MINUTE,
  ],
  [
    'li.wei',
    'Tea, a quiet desk and 140 characters. That is the whole plan for this afternoon ☕',
    5 * 60 * MINUTE,
  ],
  [
    'oskar',
    'Does anyone else keep a paper notebook next to the keyboard? Mine is full of arrows.',
    26 * 60 * MINUTE,
  ],
  ['jonas', 'Small tools, sharp edges filed off.', 3 * 24 * 60 * MINUTE],
];

async function seed(dbPath: string): Promise<void> {
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const users = new Map<string, number>();
    for (const name of ['maya', 'jonas', 'li.wei', 'oskar', 'ava', 'emil']) {
      users.set(name, repos.users.create({ username: name, email: `${name}@example.org` }).id);
    }
    const now = Date.now();
    for (const [author, body, ago] of [...SAMPLE].reverse()) {
      const userId = users.get(author) ?? 0;
      repos.posts.create({ userId, body, timestamp: new Date(now - ago).toISOString() });
    }
    repos.drafts.save(users.get('maya') ?? 0, 'Thinking about what to cook tonight… maybe ramen?');
  } finally {
    context.close();
  }
}

function tempDb(): string {
  return path.join(tempFolder('shots').dir, 'microblog.sqlite');
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const shot = (name: string) => path.join(outDir, `${name}.png`);

  const welcome = await openApp({ dbPath: tempDb(), viewport });
  await welcome.page.getByRole('heading', { name: 'Welcome to Microblog' }).waitFor();
  await welcome.page.screenshot({ path: shot('welcome') });
  await welcome.close();

  const dbPath = tempDb();
  await seed(dbPath);
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, close } = await openApp({ dbPath, viewport, colorScheme });
    // The first run picks maya on the profile chooser; the second finds her still active.
    const chooser = page.getByRole('heading', { name: 'Who is posting?' });
    const timeline = page.locator('.post-body').first();
    await Promise.race([chooser.waitFor(), timeline.waitFor()]);
    if (await chooser.isVisible()) await page.getByRole('button', { name: 'maya', exact: true }).click();
    await timeline.waitFor();
    await page.screenshot({ path: shot(`timeline-${colorScheme}`) });
    if (colorScheme === 'light') {
      await page.getByRole('link', { name: 'My profile' }).click();
      await page.getByText('2 posts', { exact: true }).waitFor();
      await page.mouse.move(5, viewport.height - 5);
      await page.waitForTimeout(300); // let the nav pill's colour transition finish
      await page.screenshot({ path: shot('profile') });
      await page.getByRole('link', { name: 'Users' }).click();
      await page.locator('.user-list').waitFor();
      await page.mouse.move(5, viewport.height - 5);
      await page.waitForTimeout(300); // let the nav pill's colour transition finish
      await page.screenshot({ path: shot('users') });
    }
    await close();
  }
  await uxScreenshots(async () => {
    const file = tempDb();
    await seed(file);
    return file;
  }, shot);
  await postScreenshots(outDir);
  await settingsShots(dbPath, shot);
  await stateScreenshots(outDir);
  await closeShared();
  console.log(`Screenshots written to ${path.relative(process.cwd(), outDir)}`);
}

await main();
