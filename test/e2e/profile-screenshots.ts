/**
 * `npx tsx test/e2e/profile-screenshots.ts`: the profile screens in docs/screenshots/, light and
 * dark, 600 and 1280 wide: your own profile, someone else's, the edit form with errors, and the
 * switcher with 40 profiles. Same harness and seeding as `npm run screenshots`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { tempFolder } from '../fixtures/temp';
import { closeShared, openApp } from './harness';
import { seedProfiles } from './profile-seed';

const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SIZES = [
  { width: 600, height: 700 },
  { width: 1280, height: 800 },
];

/** 40 profiles; user0001 has a display name, about me and posts, user0002 a few posts. */
async function seed(dbPath: string): Promise<void> {
  await seedProfiles(dbPath, 40, 2);
  const context = await createAppContext({ dbPath });
  try {
    const { profiles, posts } = createRepositories(context.db);
    profiles.update(1, {
      username: 'maya',
      displayName: 'Maya Lindqvist 🌿',
      aboutMe: 'Walks by the river, reads on the train.\nWrites short things here.',
      email: 'maya@example.org',
    });
    for (const body of ['Fog is lifting off the water.', 'Tea, a quiet desk and 140 characters.']) {
      posts.create({ userId: 1, body });
    }
    context.db.prepare(`UPDATE users SET created_at = '2025-03-14T09:00:00.000Z' WHERE id IN (1, 2)`).run();
  } finally {
    context.close();
  }
}

async function settle(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const dbPath = path.join(tempFolder('profile-shots').dir, 'microblog.sqlite');
  await seed(dbPath);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of SIZES) {
      const name = (what: string) => path.join(outDir, `${what}-${colorScheme}-${viewport.width}.png`);
      const { page, close } = await openApp({ dbPath, viewport, colorScheme });
      const chooser = page.getByRole('heading', { name: 'Who is posting?' });
      const timeline = page.getByRole('heading', { name: 'Timeline' });
      await Promise.race([chooser.waitFor(), timeline.waitFor()]);
      if (await chooser.isVisible()) await page.getByRole('button', { name: /^maya/ }).click();
      await timeline.waitFor();

      await page.getByRole('link', { name: 'My profile' }).click();
      await page.getByRole('heading', { name: 'Maya Lindqvist 🌿' }).waitFor();
      await settle(page);
      await page.screenshot({ path: name('profile-own') });

      await page.evaluate(`window.location.hash = '#/u/user0002'`);
      await page.getByRole('heading', { name: 'user0002' }).waitFor();
      await settle(page);
      await page.screenshot({ path: name('profile-other') });

      await page.getByRole('link', { name: 'My profile' }).click();
      await page.getByRole('button', { name: 'Edit profile' }).click();
      const form = page.getByRole('form', { name: 'Edit profile' });
      await form.getByLabel('Username').fill('maya lindqvist');
      await form.getByLabel('Display name (optional)').fill('M'.repeat(52));
      await form.getByLabel('Email (optional)').fill('maya-at-example.org');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await form.getByRole('alert').first().waitFor();
      await page.screenshot({ path: name('edit-profile-errors') });

      await page.getByRole('link', { name: 'Timeline' }).click();
      await page.getByRole('button', { name: /Switch profile/ }).click();
      await page.getByRole('menu').waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: name('switcher-40') });
      await close();
    }
  }
  await closeShared();
  console.log(`Profile screenshots written to ${path.relative(process.cwd(), outDir)}`);
}

await main();
