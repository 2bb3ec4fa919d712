import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDatabase } from '../fixtures/index';
import type { OpenApp } from './harness';
import { appsPerTest, composer, freshDbPath, postBodies, visible } from './steps';

const start = appsPerTest();

/** A file with `posts` posts by susan and bob, and susan chosen once, so the app opens on her timeline. */
async function seededWithSusan(posts: number): Promise<string> {
  const dbPath = freshDbPath();
  await seedDatabase(dbPath, { users: 2, posts, body: (i) => `seeded post ${i}` });
  const first = await start({ dbPath });
  await first.page.getByRole('button', { name: 'susan' }).click();
  await visible(first.page.locator('.post-row'));
  await first.close();
  return dbPath;
}

/** The `posts:timeline` calls main has received so far. */
async function timelineCalls(app: OpenApp): Promise<unknown[]> {
  return (await app.received())
    .filter((call) => call.channel === 'posts:timeline')
    .map((call) => call.payload);
}

/** The id of the first post whose top is below the sticky header, and the window's scroll position. */
function place(page: Page): Promise<{ id: number; scrollY: number }> {
  return page.evaluate(`(() => {
    const header = document.querySelector('.topbar').getBoundingClientRect().bottom;
    const rows = [...document.querySelectorAll('.post-row[data-index]')]
      .filter((row) => row.getBoundingClientRect().top >= header)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return { id: Number(rows[0].querySelector('.post').dataset.postId), scrollY: Math.round(window.scrollY) };
  })()`);
}

/** Scrolls to the end of what is loaded, page after page, until main has answered `calls` timeline pages in all. */
async function scrollUntilPages(app: OpenApp, calls: number): Promise<void> {
  const height = (): Promise<number> => app.page.evaluate('document.documentElement.scrollHeight');
  for (let step = 0; step < 200 && (await timelineCalls(app)).length < calls; step++) {
    const before = await height();
    await app.page.evaluate(`window.scrollTo(0, ${before})`);
    // The next page has arrived and been drawn once the list is taller.
    await expect.poll(height, { timeout: 10_000 }).toBeGreaterThan(before);
  }
}

describe('feeds at depth', () => {
  it('puts you back on the same post when you come back with Back or Alt+←', async () => {
    const app = await start({ dbPath: await seededWithSusan(1500) });
    const { page } = app;
    await visible(page.locator('.post-row'));
    await scrollUntilPages(app, 3);
    await page.evaluate('window.scrollTo(0, 9000)');
    // Settled: the same post at the top twice in a row, once every row on screen has been measured.
    let before = await place(page);
    await expect
      .poll(async () => {
        const now = await place(page);
        const settled = now.scrollY === 9000 && now.id === before.id;
        before = now;
        return settled;
      })
      .toBe(true);

    for (const back of ['button', 'Alt+ArrowLeft'] as const) {
      // The author of the post at the top of the screen: a click that needs no scrolling first.
      await page.locator(`.post[data-post-id="${before.id}"] a.author`).click();
      await visible(page.getByRole('heading', { level: 1, name: /susan|bob/ }));
      if (back === 'button') await page.getByRole('button', { name: 'Back' }).click();
      else await page.keyboard.press(back);
      await visible(page.getByRole('heading', { name: 'Timeline' }));
      await expect.poll(() => place(page), { timeout: 10_000 }).toEqual(before);
    }
    expect(app.errors).toEqual([]);
  });

  it('a post made far down the timeline appears first, without reading the loaded pages again', async () => {
    const app = await start({ dbPath: await seededWithSusan(3000) });
    const { page } = app;
    await visible(page.locator('.post-row'));
    // Past the pages a feed keeps: the newest ones have been dropped from memory.
    await scrollUntilPages(app, 12);
    const loaded = (await timelineCalls(app)).length;

    await composer(page).fill('written far down');
    await composer(page).press('Control+Enter');
    await expect.poll(async () => (await postBodies(page))[0], { timeout: 10_000 }).toBe('written far down');
    await expect.poll(() => composer(page).inputValue()).toBe('');
    const after = (await timelineCalls(app)).slice(loaded);
    // Going back up to the composer reads the newest page once; posting reads nothing.
    expect(after.length).toBeLessThanOrEqual(1);
    for (const payload of after) expect(payload).toMatchObject({ limit: 50 });
    for (const payload of after) expect((payload as { cursor?: unknown }).cursor ?? null).toBeNull();
    expect((await postBodies(page)).slice(1, 3)).toEqual(['seeded post 2999', 'seeded post 2998']);
    expect(app.errors).toEqual([]);
  });

  it('scrolling back up past the pages dropped from memory reads them again, every post in its place', async () => {
    const posts = 1200;
    const app = await start({ dbPath: await seededWithSusan(posts) });
    const { page } = app;
    await visible(page.locator('.post-row'));
    await scrollUntilPages(app, 12);
    // Row r of the timeline is post id posts - r (seeded one second apart, newest first).
    const shown = (): Promise<[number, number][]> =>
      page.evaluate(
        "[...document.querySelectorAll('.post-row[data-row]')].map((r) => [Number(r.dataset.row), Number(r.querySelector('.post').dataset.postId)])",
      );
    const top = async () => Math.min(...(await shown()).map(([row]) => row));
    for (let step = 0; step < 400 && (await top()) > 0; step++) {
      const before = await top();
      await page.evaluate('window.scrollBy(0, -window.innerHeight)');
      await expect.poll(top, { timeout: 10_000 }).toBeLessThan(before);
      for (const [row, id] of await shown()) expect(id, `row ${row}`).toBe(posts - row);
    }
    expect(await top()).toBe(0);
    const newer = (await timelineCalls(app)).filter(
      (p) => (p as { direction?: string }).direction === 'newer',
    );
    expect(newer.length).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('opens with one call for the first screen, no list of users, and nothing moving when data comes', async () => {
    const app = await start({ dbPath: await seededWithSusan(300) });
    const { page } = app;
    await visible(page.locator('.post-row'));
    const channels = (await app.received()).map((call) => call.channel);
    expect(channels[0]).toBe('app:firstScreen');
    expect(channels).not.toContain('users:list');
    expect(channels).not.toContain('session:get');
    expect(channels).not.toContain('drafts:get');
    expect(channels.filter((channel) => channel === 'app:firstScreen')).toHaveLength(1);
    const shifts = await page.evaluate(`new Promise((resolve) => {
      const observer = new PerformanceObserver(() => undefined);
      observer.observe({ type: 'layout-shift', buffered: true });
      requestAnimationFrame(() => requestAnimationFrame(() =>
        resolve(observer.takeRecords().map((entry) => entry.value))));
    })`);
    expect(shifts).toEqual([]);
  });
});
