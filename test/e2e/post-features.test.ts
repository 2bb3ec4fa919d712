import { describe, expect, it } from 'vitest';
import {
  addProfile,
  appsPerTest,
  composer,
  createFirstProfile,
  freshDbPath,
  post,
  postBodies,
  visible,
} from './steps';

const start = appsPerTest();
/** The machine may be busy: give each wait as long as Playwright's own steps get. */
const SLOW = { timeout: 10_000 };

describe('posts that do something', () => {
  it('edit a post, and see "edited" and its history after a restart', async () => {
    const dbPath = freshDbPath();
    const first = await start({ dbPath });
    await createFirstProfile(first.page, { username: 'ann', email: 'ann@example.com' });
    await post(first.page, 'helo wrld');
    const item = first.page.locator('.post', { hasText: 'helo wrld' });
    const time = await item.locator('time').getAttribute('datetime');
    await item.getByRole('button', { name: /Edit post/ }).click();
    const box = first.page.getByRole('textbox', { name: 'Post text' });
    await box.fill('hello world');
    await first.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => postBodies(first.page), SLOW).toEqual(['hello world']);
    await visible(first.page.locator('.post .edited'));
    await first.close();

    const { page } = await start({ dbPath });
    await expect.poll(() => postBodies(page), SLOW).toEqual(['hello world']);
    const edited = page.locator('.post .edited');
    expect(await edited.textContent()).toBe('edited');
    expect(await edited.getAttribute('title')).toMatch(/^Edited \w+, \w+ \d+, \d{4} at \d+:\d\d:\d\d/);
    // The post kept its place: its time is the first one.
    expect(await page.locator('.post time').first().getAttribute('datetime')).toBe(time);
    await page.getByRole('button', { name: 'Show history' }).click();
    await visible(page.getByRole('list', { name: 'Earlier versions' }));
    expect(await page.locator('.post-history .revision-body').allTextContents()).toEqual(['helo wrld']);
  });

  it('a link click calls links:open with the exact URL while the page stays where it is', async () => {
    const { page, received } = await start();
    await createFirstProfile(page, { username: 'bea', email: 'bea@example.com' });
    await post(page, 'read https://example.com/a?b=1#c today');
    const link = page.locator('.post-body a.post-link');
    expect(await link.textContent()).toBe('https://example.com/a?b=1#c');
    const before = page.url();
    await link.click();
    await expect
      .poll(async () => (await received()).filter((call) => call.channel === 'links:open'), SLOW)
      .toEqual([{ channel: 'links:open', payload: { url: 'https://example.com/a?b=1#c' } }]);
    expect(page.url()).toBe(before);
    expect(await postBodies(page)).toEqual(['read https://example.com/a?b=1#c today']);
  });

  it('javascript:alert(1), file: and data: are not links', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'cid', email: 'cid@example.com' });
    const body = 'javascript:alert(1) file:///etc/passwd data:text/html,hi';
    await post(page, body);
    await expect.poll(() => postBodies(page), SLOW).toEqual([body]);
    expect(await page.locator('.post-body a').count()).toBe(0);
  });

  it('a tag click shows exactly the posts with that tag', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'dan', email: 'dan@example.com' });
    for (const body of [
      '#sqlite one',
      'two without a tag',
      'three #SQLite',
      '#music four',
      'five #sqlitefan',
    ]) {
      await post(page, body);
    }
    await expect.poll(async () => (await postBodies(page)).length, SLOW).toBe(5);
    await page.locator('.post', { hasText: 'three' }).getByRole('link', { name: '#SQLite' }).click();
    await visible(page.getByRole('heading', { name: '#sqlite', level: 1 }));
    await expect.poll(() => postBodies(page), SLOW).toEqual(['three #SQLite', '#sqlite one']);
    expect(page.url()).toMatch(/#\/t\/sqlite$/);
  });

  it('an @mention of an existing profile opens it; one of nobody stays text', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'eve', email: 'eve@example.com' });
    await addProfile(page, { username: 'fay', email: 'fay@example.com' });
    await post(page, 'thanks @eve and @nobody');
    const body = page.locator('.post-body', { hasText: 'thanks' });
    await visible(body.getByRole('link', { name: '@eve' }));
    expect(await body.locator('a').allTextContents()).toEqual(['@eve']);
    await body.getByRole('link', { name: '@eve' }).click();
    await visible(page.getByRole('heading', { name: 'eve', level: 1 }));
  });

  it('undo restores a deleted post with its tags', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'gus', email: 'gus@example.com' });
    await post(page, 'keep this #keeper');
    const id = db.prepare(`SELECT id FROM posts`).pluck().get();
    await page.getByRole('button', { name: /Delete post/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this post?' })
      .getByRole('button', { name: 'Delete post' })
      .click();
    const toast = page.getByRole('status').filter({ hasText: 'Post deleted' });
    await visible(toast);
    await expect.poll(() => postBodies(page), SLOW).toEqual([]);
    expect(db.prepare(`SELECT count(*) FROM post_tags`).pluck().get()).toBe(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => postBodies(page), SLOW).toEqual(['keep this #keeper']);
    await toast.waitFor({ state: 'hidden' });
    expect(db.prepare(`SELECT id FROM posts`).pluck().all()).toEqual([id]);
    expect(db.prepare(`SELECT tag FROM post_tags WHERE post_id = ?`).pluck().all(id)).toEqual(['keeper']);
    await page.getByRole('link', { name: '#keeper' }).click();
    await expect.poll(() => postBodies(page), SLOW).toEqual(['keep this #keeper']);
  });

  it('the counter shows 1/140 for 👨‍👩‍👧‍👦 and marks what runs over', async () => {
    const { page } = await start();
    await createFirstProfile(page, { username: 'hal', email: 'hal@example.com' });
    await composer(page).fill('👨‍👩‍👧‍👦');
    expect(await page.locator('.counter').textContent()).toBe('1/140');
    await composer(page).fill(`${'👨‍👩‍👧‍👦'.repeat(140)}🇩🇪`);
    expect(await page.locator('.counter').textContent()).toBe('141/140 · 1 over the limit');
    expect(await page.locator('.over-preview mark').textContent()).toBe('🇩🇪');
  });
});
