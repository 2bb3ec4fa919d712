import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import type { OpenApp } from './harness';
import { appsPerTest, composer, visible } from './steps';

const open = appsPerTest();

/** ann (active) and bob, with `count` posts alternating between them, newest by bob. */
async function seeded(count = 6): Promise<OpenApp> {
  const app = await open();
  const repos = createRepositories(app.db);
  const ann = repos.users.create({ username: 'ann', email: 'ann@example.com' });
  const bob = repos.users.create({ username: 'bob', email: 'bob@example.com' });
  const start = Date.parse('2026-11-30T10:00:00Z');
  for (let i = 1; i <= count; i++) {
    const timestamp = new Date(start + i * 60_000).toISOString();
    repos.posts.create({ userId: i % 2 === 0 ? bob.id : ann.id, body: `post ${i}`, timestamp });
  }
  await app.page.reload();
  await app.page.getByRole('button', { name: 'ann', exact: true }).click();
  await visible(app.page.locator('.post-body'));
  // Choosing a profile puts focus in the composer; the shortcuts are tried from the page.
  await expect.poll(() => focusedThing(app.page)).toBe('compose-input');
  await app.page.locator('#main').focus();
  return app;
}

/** What has focus: `post N` for a post, the id for an element that has one, else its tag. */
function focusedThing(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const e = document.activeElement;
    if (e.matches('article[data-post-id]')) return e.querySelector('.post-body').textContent;
    return e.id || e.tagName.toLowerCase() + ':' + e.textContent;
  })()`);
}

/** The route's hash; the first screen has none, which is the timeline's `#/`. */
const hash = async (page: Page) => (await page.evaluate<string>('window.location.hash')) || '#/';

/** The posts that have a Tab stop (the post itself or a control in it). */
function postsWithTabStops(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('[role="feed"] article')]
    .filter((a) => a.tabIndex === 0 || [...a.querySelectorAll('a, button')].some((c) => c.tabIndex === 0))
    .map((a) => a.querySelector('.post-body').textContent)`);
}

describe('keyboard shortcuts', () => {
  it('n and c focus the composer, from the timeline or from another screen, without typing the letter', async () => {
    const { page } = await seeded();
    await page.keyboard.press('n');
    expect(await focusedThing(page)).toBe('compose-input');
    await page.locator('#main').focus();
    await page.keyboard.press('c');
    expect(await focusedThing(page)).toBe('compose-input');
    await page.getByRole('link', { name: 'Users' }).click();
    await visible(page.locator('.user-list'));
    await page.keyboard.press('n');
    await expect.poll(() => focusedThing(page)).toBe('compose-input');
    expect(await hash(page)).toBe('#/');
    expect(await composer(page).inputValue()).toBe('');
  });

  it('/ focuses the top bar’s search box, without typing the slash, and never fires in a field', async () => {
    const { page } = await seeded();
    const box = page.getByRole('searchbox', { name: 'Search posts' });
    await page.locator('#main').focus();
    await page.keyboard.press('/');
    expect(await focusedThing(page)).toBe('search-input');
    expect(await box.inputValue()).toBe('');
    await page.keyboard.type('post');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'Search' }));
    expect(await hash(page)).toBe('#/search?q=post');

    // In the composer, "/" is a character like any other.
    await page.getByRole('link', { name: 'Timeline' }).click();
    await composer(page).fill('a');
    await composer(page).press('/');
    expect(await focusedThing(page)).toBe('compose-input');
    expect(await composer(page).inputValue()).toBe('a/');
  });

  it('j and k move through the posts with one Tab stop per post, and Enter opens the author', async () => {
    const { page } = await seeded();
    // Before any post had focus, the first one holds the feed's only Tab stop.
    expect(await postsWithTabStops(page)).toEqual(['post 6']);
    await page.keyboard.press('j');
    expect(await focusedThing(page)).toBe('post 6');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedThing(page)).toBe('post 4');
    await page.keyboard.press('k');
    expect(await focusedThing(page)).toBe('post 5');

    // The focused post keeps the stop: Tab goes into its own controls, then out of the feed.
    expect(await postsWithTabStops(page)).toEqual(['post 5']);
    await page.keyboard.press('Tab');
    expect(await focusedThing(page)).toBe('a:ann');
    await page.keyboard.press('Tab');
    expect(await focusedThing(page)).toBe('button:Edit');
    await page.keyboard.press('Tab');
    expect(await focusedThing(page)).toBe('button:Delete');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`!!document.activeElement.closest('[role="feed"]')`)).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedThing(page)).toBe('button:Delete');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedThing(page)).toBe('post 5');

    await page.keyboard.press('k');
    expect(await focusedThing(page)).toBe('post 6');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'bob', exact: true }));
    expect(await hash(page)).toBe('#/u/bob');
  });

  it('j walks past the rows the virtual list first rendered, loading the next page on the way', async () => {
    const { page } = await seeded(130);
    for (let i = 0; i < 90; i++) await page.keyboard.press('j');
    // The first j lands on post 130, the newest; 89 more reach post 41, past the first page of 50.
    expect(await focusedThing(page)).toBe('post 41');
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(1000);
    for (let i = 0; i < 5; i++) await page.keyboard.press('k');
    expect(await focusedThing(page)).toBe('post 46');
    expect(await postsWithTabStops(page)).toEqual(['post 46']);
  });

  it('g then t, u or p goes to the timeline, the users or your profile', async () => {
    const { page } = await seeded();
    await page.locator('#main').focus();
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await visible(page.getByRole('heading', { name: 'Users' }));
    expect(await hash(page)).toBe('#/users');
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await visible(page.getByRole('heading', { name: 'ann', exact: true }));
    expect(await hash(page)).toBe('#/u/ann');
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await visible(page.getByRole('heading', { name: 'Timeline' }));
    expect(await hash(page)).toBe('#/');
    // t or u alone does nothing.
    await page.keyboard.press('u');
    expect(await hash(page)).toBe('#/');
  });

  it('? opens the shortcut sheet, and Escape closes it with focus back where it was', async () => {
    const { page } = await seeded();
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await visible(sheet);
    expect(await sheet.getByRole('definition').first().textContent()).toBe('Write a new post');
    // No shortcut fires behind an open dialog.
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    expect(await hash(page)).toBe('#/');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(await focusedThing(page)).toBe('post 6');
  });

  it('never fires while typing in a field', async () => {
    const { page } = await seeded();
    await composer(page).focus();
    await page.keyboard.type('g u n c j k / ? g p');
    expect(await composer(page).inputValue()).toBe('g u n c j k / ? g p');
    expect(await hash(page)).toBe('#/');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Find').fill('gu');
    await page.getByLabel('Find').press('p');
    expect(await hash(page)).toBe('#/users');
    expect(await page.getByLabel('Find').inputValue()).toBe('gup');
  });
});
