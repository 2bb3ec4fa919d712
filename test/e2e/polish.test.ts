import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness';
import { addProfile, appsPerTest, composer, createFirstProfile, post, visible } from './steps';

const open = appsPerTest();

const start = (viewport?: { width: number; height: number }): Promise<OpenApp> =>
  open(viewport && { viewport });

/** A short description of the focused element, for comparing with the expected control. */
function focused(app: OpenApp): Promise<string> {
  // A string expression: this file is type-checked without the DOM library.
  return app.page.evaluate<string>(
    `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + '|' + (e.getAttribute('aria-label') ?? e.textContent); })()`,
  );
}

describe('polish', () => {
  it('gives focus back to the control that opened a dialog', async () => {
    const app = await start();
    const { page } = app;
    await createFirstProfile(page, { username: 'erin', email: 'erin@example.com' });
    await post(page, 'a post to not delete');
    const deleteButton = page.getByRole('button', { name: /Delete post/ });
    await deleteButton.click();
    await visible(page.getByRole('dialog', { name: 'Delete this post?' }));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused(app)).toBe(`button|${await deleteButton.getAttribute('aria-label')}`);

    // After a confirmed delete the opener is gone with its post: focus goes to the main region.
    await deleteButton.click();
    const confirm = page.getByRole('dialog', { name: 'Delete this post?' });
    await confirm.getByRole('button', { name: 'Delete post' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByText('No posts yet'));
    expect(await app.page.evaluate<string>(`document.activeElement.id`)).toBe('main');
    await post(page, 'a post to keep');

    // The menu item that opened "Add a profile" is gone; focus lands on the switcher's button.
    await page.getByRole('button', { name: /Switch profile/ }).click();
    await page.getByRole('menuitem', { name: 'Add another profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a profile' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const switcher = page.getByRole('button', { name: 'Switch profile, active: erin' });
    expect(await switcher.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
  });

  it('shows the draft as last typed when coming back to the timeline', async () => {
    const app = await start();
    const { page } = app;
    await createFirstProfile(page, { username: 'hal', email: 'hal@example.com' });
    await composer(page).fill('first words');
    await composer(page).blur();
    await expect.poll(() => app.db.prepare('SELECT body FROM drafts').pluck().get()).toBe('first words');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Timeline' }).click();
    await composer(page).fill('second thoughts');
    await composer(page).blur();
    await expect.poll(() => app.db.prepare('SELECT body FROM drafts').pluck().get()).toBe('second thoughts');
    // Leave and come back again: the composer must not bring back the first draft.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => composer(page).inputValue()).toBe('second thoughts');
  });

  it('marks "My profile" current only on your own profile', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'fay', email: 'fay@example.com' });
    // A new profile becomes the active one.
    await addProfile(page, { username: 'gus', email: 'gus@example.com' });
    const myProfile = page.getByRole('link', { name: 'My profile' });
    await myProfile.click();
    await visible(page.getByRole('heading', { name: 'gus', level: 1 }));
    expect(await myProfile.getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.locator('.user-list').getByRole('link', { name: /fay/ }).click();
    await visible(page.getByRole('heading', { name: 'fay', level: 1 }));
    expect(await myProfile.getAttribute('aria-current')).toBeNull();
  });

  it('keeps long names and unbroken words inside a 600px window', async () => {
    const { page } = await start({ width: 600, height: 700 });
    const username = `${'long_name_'.repeat(6)}1234`;
    await createFirstProfile(page, { username, email: `${'x'.repeat(60)}@example.com` });
    await post(page, `https://example.org/${'a'.repeat(120)}`);
    await post(page, 'b'.repeat(140));
    const pages: [string, string][] = [
      ['#/', 'Timeline'],
      [`#/u/${username}`, username],
      ['#/users', 'Users'],
    ];
    for (const [route, heading] of pages) {
      await page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
      // Measure the page itself, not a loading state.
      await visible(page.getByRole('heading', { name: heading, level: 1 }));
      const widths = await page.evaluate<number[]>(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      );
      expect(widths[0], route).toBe(widths[1]);
    }
  });
});
