import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../electron/db/accounts';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { axeViolations } from './axe';
import { MAYA_DID, REFUSAL, seedPublishStates } from './publish-seed';
import { appsPerTest, freshDbPath, visible } from './steps';

const start = appsPerTest();
/** The machine may be busy: give each wait as long as Playwright's own steps get. */
const SLOW = { timeout: 10_000 };

/** Opens the app on the seeded file and picks maya, whose timeline shows every state. */
async function mayasTimeline(colorScheme: 'light' | 'dark' = 'light') {
  const dbPath = freshDbPath();
  const ids = await seedPublishStates(dbPath);
  const app = await start({ dbPath, colorScheme });
  await app.page.getByRole('button', { name: 'maya', exact: true }).click();
  await visible(app.page.locator('.post .post-state'));
  return { ...app, ids };
}

/**
 * `count` more posts by jonas, older than the seeded ones, through the real repositories; maya
 * is unlinked, so no publisher run says her states changed (which reads her pages again).
 */
async function morePosts(dbPath: string, count: number): Promise<void> {
  const context = await createAppContext({ dbPath });
  try {
    const { posts, users } = createRepositories(context.db);
    const maya = users.list({ order: 'asc' }).find((user) => user.username === 'maya');
    createAccountRepository(context.db).unlink(maya?.id ?? 0);
    const jonas = users.list({ order: 'asc' }).find((user) => user.username === 'jonas');
    if (!jonas) throw new Error('jonas was not seeded');
    const start = Date.now() - 3 * 60 * 60_000;
    context.db.transaction(() => {
      for (let i = 0; i < count; i++)
        posts.create({
          userId: jonas.id,
          body: `older post ${i}`,
          timestamp: new Date(start - i * 60_000).toISOString(),
        });
    })();
  } finally {
    context.close();
  }
}

const postWithId = (page: Page, id: number) => page.locator(`.post[data-post-id="${id}"]`);

describe('each post’s publish state, on a linked profile whose computer is offline', () => {
  it('shows local, waiting, published and failed; Published opens bsky.app through links:open', async () => {
    const { page, ids, received, db, errors } = await mayasTimeline();
    const state = (id: number) => postWithId(page, id).locator('.post-state');
    await expect.poll(() => state(ids.local).textContent(), SLOW).toBe('Only on this computer');
    expect(await state(ids.queued).textContent()).toBe('Waiting to publish');
    expect(await state(ids.retried).textContent()).toBe('Waiting to publish · 2 attempts');
    expect(await state(ids.failed).textContent()).toBe('Not published');
    expect(await postWithId(page, ids.failed).locator('.post-failure p').textContent()).toBe(REFUSAL);
    expect(await postWithId(page, ids.unlinked).locator('.post-state, .post-failure').count()).toBe(0);

    const rkey = db.prepare(`SELECT rkey FROM post_records WHERE post_id = ?`).pluck().get(ids.published);
    const before = page.url();
    await postWithId(page, ids.published)
      .getByRole('link', { name: 'Published: open it on Bluesky' })
      .click();
    await expect
      .poll(async () => (await received()).filter((call) => call.channel === 'links:open'), SLOW)
      .toEqual([
        { channel: 'links:open', payload: { url: `https://bsky.app/profile/${MAYA_DID}/post/${rkey}` } },
      ]);
    expect(page.url()).toBe(before);
    // The states came in one call for the page on screen, not one per post.
    const calls = (await received()).filter((call) => call.channel === 'accounts:postStates');
    expect(calls).toHaveLength(1);
    expect((calls[0]?.payload as { postIds: number[] }).postIds).toHaveLength(6);
    expect(errors).toEqual([]);
  });

  it('Retry puts a refused post back in the queue, in the window and in the file', async () => {
    const { page, ids, db } = await mayasTimeline();
    const failed = postWithId(page, ids.failed);
    await failed.getByRole('button', { name: /^Retry publishing the post from / }).click();
    await expect
      .poll(() => failed.locator('.post-state').textContent(), SLOW)
      .toBe('Waiting to publish · 1 attempt');
    expect(await failed.locator('.post-failure').count()).toBe(0);
    const row = db.prepare(`SELECT failure FROM outbox WHERE post_id = ?`).get(ids.failed);
    expect(row).toEqual({ failure: null });
    // Focus stays on the post, whose Retry went with its failure.
    expect(await page.evaluate(`document.activeElement?.dataset?.postId`)).toBe(String(ids.failed));
  });

  it('editing the published post says its copy keeps the old text', async () => {
    const { page, ids } = await mayasTimeline();
    await postWithId(page, ids.published)
      .getByRole('button', { name: /^Edit post from/ })
      .click();
    const form = page.getByRole('form', { name: 'Edit post' });
    await visible(form.getByText(/Bluesky has no edit, so the published copy keeps its old text/));
    await visible(form.getByRole('button', { name: 'Delete and post again' }));
  });

  it('asks for the states once per page as the feed scrolls, never per post, 50 ids at a time', async () => {
    const dbPath = freshDbPath();
    await seedPublishStates(dbPath);
    await morePosts(dbPath, 300);
    const app = await start({ dbPath });
    const { page, received } = app;
    await page.getByRole('button', { name: 'maya', exact: true }).click();
    await visible(page.locator('.post-row'));
    const end = page.getByText('You reached the first post.');
    for (let step = 0; step < 50 && !(await end.isVisible()); step++) {
      const before = await page.evaluate<number>('document.documentElement.scrollHeight');
      await page.evaluate(`window.scrollTo(0, ${before})`);
      await expect
        .poll(
          async () =>
            (await end.isVisible()) ||
            (await page.evaluate<number>('document.documentElement.scrollHeight')) > before,
          SLOW,
        )
        .toBe(true);
    }
    const calls = await received();
    const asked = calls
      .filter((call) => call.channel === 'accounts:postStates')
      .map((call) => (call.payload as { postIds: number[] }).postIds);
    // 306 posts are 7 pages of at most 50 (the first came with the first screen): one call each.
    expect(calls.filter((call) => call.channel === 'posts:timeline')).toHaveLength(6);
    expect(asked).toHaveLength(7);
    for (const ids of asked) expect(ids.length).toBeLessThanOrEqual(50);
    const all = asked.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(306);
  });

  it.each(['light', 'dark'] as const)('axe finds nothing on a feed with every state (%s)', async (scheme) => {
    const { page } = await mayasTimeline(scheme);
    await visible(page.getByRole('button', { name: /^Retry publishing/ }));
    expect(await axeViolations(page)).toEqual([]);
  });
});
