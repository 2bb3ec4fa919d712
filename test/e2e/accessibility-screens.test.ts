/** axe on the screens of profiles, follows, search and Settings, in light and dark: 0 violations of any impact. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/index';
import { axeViolations } from './axe';
import { addProfile, appsPerTest, createFirstProfile, post, switchTo, visible } from './steps';

const open = appsPerTest();

async function expectClean(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

describe.each(['light', 'dark'] as const)('axe on the newer screens, %s theme', (colorScheme) => {
  it('edit profile, follows, search, post edit and undo, Settings and its dialogs', async () => {
    const out = path.join(tempDir('a11y'), 'archive.jsonl');
    const { page } = await open({ colorScheme, dialogs: { exportPath: out } });
    await createFirstProfile(page, { username: 'ann', email: 'ann@example.com' });
    await addProfile(page, { username: 'bob', email: 'bob@example.com' });
    await post(page, 'hello from bob, about sqlite');
    await switchTo(page, 'ann');
    await post(page, 'hello from ann');

    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await visible(page.getByRole('form', { name: 'Edit profile' }));
    await expectClean(page, 'edit profile');
    await page.getByRole('button', { name: 'Cancel' }).first().click();

    await page.evaluate(`window.location.hash = '#/u/bob'`);
    await page.getByRole('button', { name: 'Follow bob' }).click();
    await visible(page.getByRole('button', { name: 'Unfollow bob' }));
    await visible(page.getByText('1 follower', { exact: true }));
    await expectClean(page, 'followed profile');

    await page.getByRole('link', { name: 'Timeline' }).click();
    await visible(page.getByRole('button', { name: 'Following', pressed: true }));
    await expectClean(page, 'Following feed');
    await page.getByRole('button', { name: 'Edit post from' }).first().click();
    await visible(page.getByRole('form', { name: 'Edit post' }));
    await expectClean(page, 'edit post');
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /Delete post/ })
      .first()
      .click();
    await page
      .getByRole('dialog', { name: 'Delete this post?' })
      .getByRole('button', { name: 'Delete post' })
      .click();
    await visible(page.getByText('Post deleted'));
    await expectClean(page, 'undo toast');

    await page.keyboard.press('/');
    await page.keyboard.type('sqlite');
    await page.keyboard.press('Enter');
    await visible(page.locator('.post-body mark'));
    await expectClean(page, 'search results');

    await page.getByRole('link', { name: 'Settings' }).click();
    await visible(page.getByRole('radio', { name: 'Dark' }));
    await expectClean(page, 'Settings, General');
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Export…' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Exported' }));
    await expectClean(page, 'Settings, Data, after an export');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('button', { name: 'Restore…' }).first().click();
    await visible(page.getByRole('dialog', { name: 'Restore this backup?' }));
    await expectClean(page, 'restore dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'About' }).click();
    await visible(page.getByRole('heading', { name: 'About Microblog' }));
    await expectClean(page, 'Settings, About');
  });
});
