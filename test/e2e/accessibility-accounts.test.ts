/** axe and the keyboard on Settings → Accounts, light and dark, with main's publisher on an offline computer. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/index';
import { offlinePublishing, openAccounts, seedLinkedAccount } from './accounts-seed';
import { axeViolations } from './axe';
import { appsPerTest, createFirstProfile, post, visible } from './steps';

const open = appsPerTest();

async function expectClean(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** What has focus: a field's name, else a button's text. */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>(
    `(() => { const e = document.activeElement; return e?.getAttribute('name') || e?.textContent?.trim() || ''; })()`,
  );
}

/** Opens the seeded data folder and picks its one profile on "Who is posting?" (none is active yet). */
async function openSeeded(colorScheme: 'light' | 'dark', session: boolean): Promise<Page> {
  const seeded = await seedLinkedAccount({
    folder: tempDir('accounts'),
    username: 'maya',
    earlier: 4,
    session,
  });
  const { page } = await open({ colorScheme, dbPath: seeded.dbPath, publishing: seeded.publishing });
  await page.getByRole('button', { name: 'maya', exact: true }).click();
  await visible(page.getByRole('button', { name: /Switch profile/ }));
  // Written now, so the publisher tries the account and finds the server out of reach.
  await post(page, 'Written on the train, offline.');
  await openAccounts(page);
  return page;
}

describe.each(['light', 'dark'] as const)('Settings → Accounts, %s theme', (colorScheme) => {
  it('unlinked: the form, its own errors and then main’s, all by keyboard', async () => {
    const { page } = await open({ colorScheme, publishing: offlinePublishing(tempDir('sessions')) });
    await createFirstProfile(page, { username: 'ann', email: 'ann@example.com' });
    await openAccounts(page);
    await expectClean(page, 'Accounts, unlinked');

    await page.getByRole('button', { name: 'Link account' }).focus();
    await page.keyboard.press('Enter');
    await visible(page.getByText('Enter your handle (like alice.bsky.social) or DID.'));
    await visible(page.getByText('Enter an app password (made in your account settings).'));
    expect(await focused(page)).toBe('identifier');
    await expectClean(page, 'Accounts, the form’s errors');

    await page.keyboard.type('ann.bsky.social');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('appPassword');
    await page.keyboard.type('abcd-efgh-ijkl-mnop');
    await page.keyboard.press('Enter');
    // Offline, the server cannot be found from the handle: the sentence says what to check.
    await visible(
      page.getByText(/^No account was found for ann\.bsky\.social\. Check the handle and your connection/),
    );
    expect(await focused(page)).toBe('identifier');
    await expectClean(page, 'Accounts, main’s error');
  });

  it('linked with posts waiting: both dialogs open with Enter, start on Cancel and close with Escape', async () => {
    const page = await openSeeded(colorScheme, true);
    await visible(page.getByText('1 post waiting to publish'));
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectClean(page, 'Accounts, linked, waiting');

    for (const [opener, title] of [
      ['Publish my 4 earlier posts…', 'Publish 4 earlier posts?'],
      ['Unlink…', 'Unlink @maya.bsky.social?'],
    ] as const) {
      await page.getByRole('button', { name: opener }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: title });
      await visible(dialog);
      expect(await focused(page)).toBe('Cancel');
      await expectClean(page, title);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await focused(page)).toBe(opener);
    }
  });

  it('linked without a sign-in: the sentence and the form to sign in again', async () => {
    const page = await openSeeded(colorScheme, false);
    await visible(page.getByRole('alert').filter({ hasText: 'Sign in again; your queued posts are kept.' }));
    await visible(page.getByText('1 post waiting to publish'));
    expect(await page.getByLabel('Handle or DID').inputValue()).toBe('maya.bsky.social');
    await expectClean(page, 'Accounts, sign in again');
  });
});
