import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness';
import {
  activeProfile,
  addProfile,
  appsPerTest,
  composer,
  createFirstProfile,
  freshDbPath,
  post,
  postBodies,
  switchTo,
  visible,
} from './steps';

const open = appsPerTest();
const start = (dbPath = freshDbPath()): Promise<OpenApp> => open({ dbPath });

describe('profiles', () => {
  it('asks for the password when switching to a protected profile and refuses a wrong one', async () => {
    const dbPath = freshDbPath();
    const first = await start(dbPath);
    await createFirstProfile(first.page, { username: 'alice', email: 'alice@example.com' });
    await addProfile(first.page, { username: 'bob', email: 'bob@example.com', password: 'correct horse' });
    // Creating a profile makes it active; whoever just chose the password is not asked again.
    await expect.poll(() => activeProfile(first.page)).toBe('bob');
    await switchTo(first.page, 'alice');
    await expect.poll(() => activeProfile(first.page)).toBe('alice');
    await first.close();

    // In a new session bob's password has not been given yet.
    const { page } = await start(dbPath);
    await expect.poll(() => activeProfile(page)).toBe('alice');
    expect(await page.title()).toBe('alice · Microblog');
    await switchTo(page, 'bob');
    const dialog = page.getByRole('dialog', { name: 'Switch to bob' });
    await visible(dialog);
    const password = dialog.getByLabel('Password for bob');
    await password.fill('wrong password');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').textContent()).toBe('That password is not right.');
    expect(await activeProfile(page)).toBe('alice');

    await password.fill('correct horse');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => activeProfile(page)).toBe('bob');
    expect(await page.title()).toBe('bob · Microblog');
  });

  it('sorts the users directory both ways and filters by a substring, done in main', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'alma', email: 'alma@example.com' });
    for (const name of ['bert', 'alfred', 'zoe', 'Al_x']) {
      await addProfile(page, { username: name, email: `${name.toLowerCase()}@example.com` });
    }
    await page.getByRole('link', { name: 'Users' }).click();
    const names = () => page.locator('.user-list .username').allTextContents();
    await expect.poll(names).toEqual(['Al_x', 'alfred', 'alma', 'bert', 'zoe']);

    await page.getByRole('button', { name: 'Z → A' }).click();
    await expect.poll(names).toEqual(['zoe', 'bert', 'alma', 'alfred', 'Al_x']);

    await page.getByLabel('Find').fill('al');
    await expect.poll(names).toEqual(['alma', 'alfred', 'Al_x']);
    await page.getByRole('button', { name: 'A → Z' }).click();
    await expect.poll(names).toEqual(['Al_x', 'alfred', 'alma']);
    // `_` is a LIKE wildcard; main escapes it, so "al_" matches only the literal underscore.
    await page.getByLabel('Find').fill('al_');
    await expect.poll(names).toEqual(['Al_x']);
    await page.getByLabel('Find').fill('q');
    await visible(page.getByText('No username or email contains “q”.'));
    // Any part of the name matches, not only its start.
    await page.getByLabel('Find').fill('lfr');
    await expect.poll(names).toEqual(['alfred']);
  });

  it('deletes a profile with its posts after a confirmation that says how many', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'keeper', email: 'keeper@example.com' });
    await post(page, 'I stay');
    await addProfile(page, { username: 'leaver', email: 'leaver@example.com' });
    for (const text of ['one', 'two', 'three']) await post(page, text);
    await expect.poll(() => postBodies(page)).toEqual(['three', 'two', 'one', 'I stay']);

    await page.getByRole('link', { name: 'My profile' }).click();
    await visible(page.getByText('3 posts', { exact: true }));
    await page.getByRole('button', { name: 'Delete profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the profile leaver?' });
    expect(await dialog.textContent()).toContain('Its 3 posts will be deleted with it');
    await dialog.getByRole('button', { name: 'Delete profile and 3 posts' }).click();

    // The deleted profile was active, so the app asks who is posting now.
    await visible(page.getByRole('heading', { name: 'Who is posting?' }));
    expect(db.prepare('SELECT username FROM users').all()).toEqual([{ username: 'keeper' }]);
    expect(db.prepare('SELECT body FROM posts').all()).toEqual([{ body: 'I stay' }]);
    await page.getByRole('button', { name: 'keeper' }).click();
    await expect.poll(() => postBodies(page)).toEqual(['I stay']);
  });

  it('keeps everything over a restart, including the unfinished draft', async () => {
    const dbPath = freshDbPath();
    const first = await start(dbPath);
    await createFirstProfile(first.page, {
      username: 'writer',
      email: 'w@example.com',
      password: 'sesame-1234',
    });
    await post(first.page, 'Posted before the restart');
    await composer(first.page).fill('Half a thought…\nstill typing');
    // Closing right away: the draft must be flushed on unload, not only after the debounce.
    await first.close();

    const second = await start(dbPath);
    const { page } = second;
    // A password profile is locked again after a restart.
    await visible(page.getByRole('heading', { name: 'Welcome back, writer' }));
    await page.getByLabel('Password for writer').fill('sesame-1234');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await visible(page.getByRole('heading', { name: 'Timeline' }));
    await expect.poll(() => composer(page).inputValue()).toBe('Half a thought…\nstill typing');
    await expect.poll(() => postBodies(page)).toEqual(['Posted before the restart']);
    expect(await page.title()).toBe('writer · Microblog');

    // Posting the draft clears it in the database.
    await composer(page).press('Control+Enter');
    await expect.poll(() => composer(page).inputValue()).toBe('');
    expect(second.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });
});
