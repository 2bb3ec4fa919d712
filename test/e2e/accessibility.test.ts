import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import {
  addProfile,
  appsPerTest,
  composer,
  computedStyle,
  createFirstProfile,
  freshDbPath,
  post,
  switchTo,
  visible,
} from './steps';

const open = appsPerTest();

/** axe on the page as it is now must find nothing, of any impact. */
async function expectClean(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** Opens a dialog with `action`, scans it, and closes it with Escape. */
async function scanDialog(page: Page, name: string | RegExp, action: () => Promise<void>): Promise<void> {
  await action();
  const dialog = page.getByRole('dialog', { name });
  await visible(dialog);
  await expectClean(page, `dialog ${String(name)}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe.each(['light', 'dark'] as const)('axe finds no violation, %s theme', (colorScheme) => {
  it('on every screen and dialog', async () => {
    const dbPath = freshDbPath();
    const first = await open({ dbPath, colorScheme });
    const { page } = first;
    await visible(page.getByRole('heading', { name: 'Welcome to Microblog' }));
    await expectClean(page, 'welcome');

    await createFirstProfile(page, { username: 'ann', email: 'ann@example.com' });
    await post(page, 'Hello from ann');
    await post(page, 'A second post, to have a list');
    await expectClean(page, 'timeline');

    await page.getByRole('button', { name: /Switch profile/ }).click();
    await visible(page.locator('.switcher-menu'));
    await expectClean(page, 'switcher menu');
    await page.keyboard.press('Escape');

    await scanDialog(page, 'Add a profile', async () => {
      await page.getByRole('button', { name: /Switch profile/ }).click();
      await page.getByRole('menuitem', { name: 'Add another profile…' }).click();
    });
    await scanDialog(page, 'Delete this post?', () =>
      page
        .getByRole('button', { name: /Delete post/ })
        .first()
        .click(),
    );
    await scanDialog(page, 'Keyboard shortcuts', () => page.keyboard.press('?'));

    await page.getByRole('link', { name: 'Users' }).click();
    await visible(page.locator('.user-list'));
    await expectClean(page, 'users');

    await page.getByRole('link', { name: 'My profile' }).click();
    await visible(page.getByText('2 posts', { exact: true }));
    await expectClean(page, 'profile');
    await scanDialog(page, 'Delete the profile ann?', () =>
      page.getByRole('button', { name: 'Delete profile…' }).click(),
    );

    await page.evaluate(`window.location.hash = '#/u/nobody'`);
    await visible(page.getByRole('heading', { name: 'There is no profile named nobody.' }));
    await expectClean(page, 'profile not found');
    await page.getByRole('link', { name: 'Timeline' }).click();

    await addProfile(page, { username: 'bob', email: 'bob@example.com', password: 'correct horse' });
    await switchTo(page, 'ann');
    await visible(composer(page));
    await scanDialog(page, 'Switch to bob', () => switchTo(page, 'bob'));
    await switchTo(page, 'bob');
    await page.getByLabel('Password for bob').fill('correct horse');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await visible(page.getByPlaceholder('What’s on your mind, bob?'));
    await first.close();

    // After a restart a password profile asks again: the unlock page, then the chooser.
    const again = await open({ dbPath, colorScheme });
    await visible(again.page.getByRole('heading', { name: 'Welcome back, bob' }));
    await expectClean(again.page, 'unlock page');
    await again.page.getByRole('button', { name: 'Use another profile' }).click();
    await visible(again.page.getByRole('heading', { name: 'Who is posting?' }));
    await expectClean(again.page, 'choose a profile');
  });
});

describe('motion and theme', () => {
  it('moves nothing when the OS asks for reduced motion', async () => {
    const { page } = await open({ reducedMotion: 'reduce' });
    await createFirstProfile(page, { username: 'cat', email: 'cat@example.com' });
    const link = page.getByRole('link', { name: 'Users' });
    expect(await computedStyle(link, 'transitionDuration')).toBe('0s');
    const { page: moving } = await open({ reducedMotion: 'no-preference' });
    await createFirstProfile(moving, { username: 'dan', email: 'dan@example.com' });
    expect(await computedStyle(moving.getByRole('link', { name: 'Users' }), 'transitionDuration')).not.toBe(
      '0s',
    );
  });

  it('keeps the chosen theme over the OS and across a restart, stored in settings', async () => {
    const dbPath = freshDbPath();
    const first = await open({ dbPath, colorScheme: 'light' });
    const { page } = first;
    await createFirstProfile(page, { username: 'eve', email: 'eve@example.com' });
    const body = page.locator('html');
    const lightBackground = await computedStyle(body, 'backgroundColor');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => computedStyle(body, 'backgroundColor')).not.toBe(lightBackground);
    const darkBackground = await computedStyle(body, 'backgroundColor');
    await expect
      .poll(() => first.db.prepare(`SELECT value FROM settings WHERE key = 'theme'`).pluck().get())
      .toBe('dark');
    await first.close();

    const again = await open({ dbPath, colorScheme: 'light' });
    await visible(composer(again.page));
    expect(await computedStyle(again.page.locator('html'), 'backgroundColor')).toBe(darkBackground);
    await again.page.getByRole('link', { name: 'Settings' }).click();
    // The stored choice shows first; a click before the settings arrive would be undone by them.
    await expect.poll(() => again.page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await again.page.getByRole('radio', { name: 'Same as the system' }).check();
    await expect
      .poll(() => computedStyle(again.page.locator('html'), 'backgroundColor'))
      .toBe(lightBackground);
  });
});
