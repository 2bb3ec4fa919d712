/**
 * `npx tsx test/e2e/accounts-screenshots.ts`: Settings → Accounts in docs/screenshots/, light and
 * dark, 600 and 1280 wide: unlinked, linked with posts waiting, and asked to sign in again. No PDS
 * is needed: the link is seeded as signing in writes it, and main's real publisher runs on a
 * computer that is offline (accounts-seed.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { tempFolder } from '../fixtures/temp';
import { offlinePublishing, openAccounts, seedLinkedAccount } from './accounts-seed';
import { closeShared, openApp } from './harness';

const outDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const WIDTHS = [600, 1280];

async function settle(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300); // let the tab pill's colour transition finish
}

/** Writes a post with Ctrl+Enter and waits until it is in the timeline. */
async function post(page: Page, body: string): Promise<void> {
  await page.getByRole('textbox', { name: 'New post' }).fill(body);
  await page.getByRole('textbox', { name: 'New post' }).press('Control+Enter');
  await page.locator('.post-body', { hasText: body }).waitFor();
}

type Look = { viewport: { width: number; height: number }; colorScheme: 'light' | 'dark' };

/** A seeded link opened on its profile; `posts` are written now, offline, so they wait. */
async function openLinked(look: Look, options: { earlier: number; session: boolean; posts: string[] }) {
  const folder = tempFolder('accounts-shots').dir;
  const seeded = await seedLinkedAccount({ folder, username: 'maya', ...options });
  const app = await openApp({ ...look, dbPath: seeded.dbPath, publishing: seeded.publishing });
  await app.page.getByRole('button', { name: 'maya', exact: true }).click();
  for (const body of options.posts) await post(app.page, body);
  await openAccounts(app.page);
  return app;
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      const shot = (state: string) =>
        path.join(outDir, `settings-accounts-${state}-${colorScheme}-${width}.png`);
      const look: Look = { viewport: { width, height: 900 }, colorScheme };

      const folder = tempFolder('accounts-shots').dir;
      const unlinked = await openApp({
        ...look,
        dbPath: path.join(folder, 'microblog.sqlite'),
        publishing: offlinePublishing(path.join(folder, 'sessions')),
      });
      await unlinked.page.getByLabel('Username').fill('maya');
      await unlinked.page.getByRole('button', { name: 'Create profile' }).click();
      await openAccounts(unlinked.page);
      await settle(unlinked.page);
      await unlinked.page.screenshot({ path: shot('unlinked'), fullPage: true });
      await unlinked.close();

      const waiting = await openLinked(look, {
        earlier: 12,
        session: true,
        posts: ['Fog on the river this morning.', 'Train is late again, so: reading.', 'Ramen tonight.'],
      });
      await waiting.page.getByText('3 posts waiting to publish').waitFor();
      await settle(waiting.page);
      await waiting.page.screenshot({ path: shot('waiting'), fullPage: true });
      await waiting.close();

      const signIn = await openLinked(look, {
        earlier: 0,
        session: false,
        posts: ['Written on the train, offline.'],
      });
      await signIn.page.getByRole('alert').filter({ hasText: 'Sign in again' }).waitFor();
      await settle(signIn.page);
      await signIn.page.screenshot({ path: shot('sign-in-again'), fullPage: true });
      await signIn.close();
    }
  }
  await closeShared();
  console.log(`Accounts screenshots written to ${path.relative(process.cwd(), outDir)}`);
}

await main();
