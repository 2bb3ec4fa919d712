import { describe, expect, it } from 'vitest';
import {
  composer,
  computedStyle,
  createFirstProfile,
  fillProfileForm,
  appsPerTest,
  post,
  postBodies,
  visible,
} from './steps';

const start = appsPerTest();

describe('posting', () => {
  it('first run: create a profile, post, and see the post on the timeline and the profile', async () => {
    const { page, db, errors } = await start();
    await createFirstProfile(page, { username: 'alice', email: 'alice@example.com' });
    expect(await page.title()).toBe('alice · Microblog');

    await post(page, 'Hello from the first run!\nSecond line.');
    await visible(page.locator('.post-body'));
    expect(await postBodies(page)).toEqual(['Hello from the first run!\nSecond line.']);
    // Line breaks are kept on screen, not collapsed.
    expect(await computedStyle(page.locator('.post-body'), 'whiteSpace')).toBe('pre-wrap');
    const time = page.locator('.post time');
    expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await time.textContent()).toContain('just now');

    await page.getByRole('link', { name: 'alice' }).first().click();
    await visible(page.getByRole('heading', { name: 'alice', level: 1 }));
    await visible(page.getByText('1 post', { exact: true }));
    expect(await postBodies(page)).toEqual(['Hello from the first run!\nSecond line.']);

    const stored = db.prepare('SELECT body FROM posts').all();
    expect(stored).toEqual([{ body: 'Hello from the first run!\nSecond line.' }]);
    expect(errors).toEqual([]);
  });

  it('refuses an over-limit post: the counter turns red and the text stays', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'bob', email: 'bob@example.com' });
    const text = `${'😀'.repeat(140)}!`;
    await composer(page).fill(text);
    const counter = page.locator('.counter');
    expect(await counter.textContent()).toContain('141/140');
    expect(await counter.getAttribute('data-over')).toBe('true');
    expect(await computedStyle(counter, 'color')).toBe('rgb(179, 38, 30)');
    expect(await page.getByRole('button', { name: 'Post' }).isDisabled()).toBe(true);

    await composer(page).press('Control+Enter');
    await visible(page.getByRole('alert').filter({ hasText: 'at most 140 characters' }));
    expect(await composer(page).inputValue()).toBe(text);
    expect(db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 0 });

    // Exactly 140 emoji is allowed: they count once each, as in the database.
    await composer(page).press('End');
    await composer(page).press('Backspace');
    expect(await counter.textContent()).toContain('140/140');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => composer(page).inputValue()).toBe('');
    expect(db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 1 });
  });

  it('shows a taken username on the username field', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'carol', email: 'carol@example.com' });
    await page.getByRole('button', { name: /Switch profile/ }).click();
    await page.getByRole('menuitem', { name: 'Add another profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a profile' });
    await fillProfileForm(dialog, { username: 'carol', email: 'other@example.com' });
    const username = dialog.getByLabel('Username');
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('That username is taken.');
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('deletes an own post after confirmation', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'dave', email: 'dave@example.com' });
    await post(page, 'keep me');
    await post(page, 'delete me');
    await expect.poll(() => postBodies(page)).toEqual(['delete me', 'keep me']);

    await page
      .locator('.post', { hasText: 'delete me' })
      .getByRole('button', { name: /Delete post/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete this post?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await postBodies(page)).toEqual(['delete me', 'keep me']);
    expect(db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(2);

    await page
      .locator('.post', { hasText: 'delete me' })
      .getByRole('button', { name: /Delete post/ })
      .click();
    await dialog.getByRole('button', { name: 'Delete post' }).click();
    await expect.poll(() => postBodies(page)).toEqual(['keep me']);
    expect(db.prepare('SELECT body FROM posts').all()).toEqual([{ body: 'keep me' }]);
  });

  it('shows markup in a post as text and runs nothing', async () => {
    const { page, errors } = await start();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await createFirstProfile(page, { username: 'eve', email: 'eve@example.com' });
    const body = '<img src=x onerror=alert(1)> <script>window.__pwned=1;alert(2)</script>';
    await post(page, body);
    await expect.poll(() => postBodies(page)).toEqual([body]);
    await page.reload();
    await expect.poll(() => postBodies(page)).toEqual([body]);

    expect(await page.locator('.post-body img, .post-body script, img[src="x"]').count()).toBe(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
