import { afterAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { closeShared, openApp } from './harness';
import { freshDbPath, visible } from './steps';

afterAll(closeShared);

const SEEDED = 10_000;

/** Seeds the file through the real repositories before the app opens it; returns ids newest first. */
async function seed(dbPath: string): Promise<number[]> {
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const authors = ['ada', 'grace', 'linus'].map((username) =>
      repos.users.create({ username, email: `${username}@example.com` }),
    );
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const ids: number[] = [];
    context.db.transaction(() => {
      for (let i = 0; i < SEEDED; i++) {
        const author = authors[i % authors.length] as (typeof authors)[number];
        // Posts come in pairs with the same timestamp, so the cursor's id tie-break is exercised too.
        const timestamp = new Date(start + Math.floor(i / 2) * 60_000).toISOString();
        ids.push(repos.posts.create({ userId: author.id, body: `Seeded post #${i + 1}`, timestamp }).id);
      }
    })();
    return ids.reverse();
  } finally {
    context.close();
  }
}

describe('a large timeline', () => {
  it('loads further pages in order as you scroll, with no duplicates, rendering only what is on screen', async () => {
    const dbPath = freshDbPath();
    const newestFirst = await seed(dbPath);
    const { page, close, errors } = await openApp({ dbPath });
    try {
      await page.getByRole('button', { name: 'ada' }).click();
      await visible(page.locator('.post-row'));

      // index in the list → post id, as rows scroll past.
      const seen = new Map<number, number>();
      const collect = async () => {
        const rows = await page.evaluate(
          "[...document.querySelectorAll('.post-row')].map(r => [Number(r.dataset.index), Number(r.querySelector('.post').dataset.postId)])",
        );
        for (const [index, id] of rows as [number, number][]) {
          expect(seen.get(index) ?? id, `row ${index} changed its post`).toBe(id);
          seen.set(index, id);
        }
        return (rows as unknown[]).length;
      };

      let mounted = await collect();
      // Each step scrolls the last row seen to the top and waits until rows after it appear, so
      // every look overlaps the one before it: no row can be skipped, however slow the machine.
      for (let step = 0; step < 150 && seen.size < 320; step++) {
        const last = Math.max(...seen.keys());
        await page.evaluate(
          `document.querySelector('.post-row[data-index="${last}"]').scrollIntoView({ block: 'start' })`,
        );
        await expect
          .poll(
            async () => {
              mounted = Math.max(mounted, await collect());
              return Math.max(...seen.keys());
            },
            { timeout: 10_000 },
          )
          .toBeGreaterThan(last);
      }
      expect(seen.size).toBeGreaterThanOrEqual(320);
      const indices = [...seen.keys()].sort((a, b) => a - b);
      // Every index from the top down was shown, each with the expected post: pages joined in order.
      expect(indices).toEqual(indices.map((_, i) => i));
      const ids = indices.map((index) => seen.get(index));
      expect(ids).toEqual(newestFirst.slice(0, ids.length));
      expect(new Set(ids).size).toBe(ids.length);
      // Only a window of rows exists in the page at any time.
      expect(mounted).toBeLessThan(60);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
