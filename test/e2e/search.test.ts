import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../electron/db/index';
import { ACTIVE_USER_KEY } from '../../electron/ipc/session-state';
import { createAppContext } from '../../electron/main/app-context';
import { appsPerTest, freshDbPath, postBodies, visible } from './steps';

const start = appsPerTest();

/** Local noon of a day, as stored: so the jump's local-day boundary is the same in any time zone. */
function localNoon(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12).toISOString();
}

const POSTS: [string, string, string][] = [
  ['bob', 'bob on sqlite indexes', '2026-03-01'],
  ['cat', 'cat reads about full text search', '2026-03-02'],
  ['ann', 'ann writes: full text is fun', '2026-03-03'],
  ['cat', 'cat posts <img src=x onerror="window.__pwned=1">', '2026-03-04'],
  ['bob', 'bob: the search box works with sqlite too', '2026-03-05'],
];

/** ann (active, following no one), bob and cat, with the posts above; returns the file. */
async function seeded(): Promise<string> {
  const dbPath = freshDbPath();
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const ids = new Map(
      ['ann', 'bob', 'cat'].map((name) => [
        name,
        repos.users.create({ username: name, email: `${name}@example.com` }).id,
      ]),
    );
    for (const [author, body, day] of POSTS)
      repos.posts.create({ userId: ids.get(author) ?? 0, body, timestamp: localNoon(day) });
    repos.settings.set(ACTIVE_USER_KEY, String(ids.get('ann')));
  } finally {
    context.close();
  }
  return dbPath;
}

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('search-input');
  await page.locator('#search-input').fill(text);
  await page.locator('#search-input').press('Enter');
  await page.waitForFunction(
    `new URLSearchParams(location.hash.split('?')[1] || '').get('q') === ${JSON.stringify(text.trim())}`,
  );
  // Either the results of this search or a sentence about it.
  await visible(
    page.locator(`[role="feed"][aria-label="Posts matching ${text.replace(/"/g, '\\"')}"], .state.empty`),
  );
}

/** The marked words of each result, in order. */
function marks(page: Page): Promise<string[][]> {
  return page.$$eval('.post-body', (bodies) =>
    bodies.map((b) => [...b.querySelectorAll('mark')].map((m) => m.textContent ?? '')),
  );
}

describe('follows, search and jump to a date', () => {
  it('follow and unfollow change the Following tab', async () => {
    const { page, errors } = await start({ dbPath: await seeded() });
    await visible(page.getByRole('button', { name: 'Everyone', pressed: true }));
    expect(await postBodies(page)).toHaveLength(5);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Follow bob' }).click();
    await visible(page.getByRole('button', { name: 'Unfollow bob' }));
    await page.getByRole('link', { name: 'Timeline' }).click();
    // Following someone now, the timeline opens on Following: ann's own posts and bob's.
    await visible(page.getByRole('button', { name: 'Following', pressed: true }));
    await visible(page.getByRole('feed', { name: 'Following' }).locator('.post-body'));
    expect(await postBodies(page)).toEqual([
      'bob: the search box works with sqlite too',
      'ann writes: full text is fun',
      'bob on sqlite indexes',
    ]);

    await page.getByRole('link', { name: 'bob', exact: true }).first().click();
    await visible(page.getByText('1 follower'));
    await page.getByRole('button', { name: 'Unfollow bob' }).click();
    await visible(page.getByText('0 followers'));
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('button', { name: 'Following' }).click();
    await visible(page.getByRole('feed', { name: 'Following' }).locator('.post-body'));
    expect(await postBodies(page)).toEqual(['ann writes: full text is fun']);
    expect(errors).toEqual([]);
  });

  it('a search for a word and for a phrase shows exactly the matching posts, highlighted', async () => {
    const { page, errors } = await start({ dbPath: await seeded() });
    await visible(page.locator('.post-body'));
    await search(page, 'sqlite');
    await visible(page.locator('.post-body mark'));
    expect(await postBodies(page)).toEqual([
      'bob: the search box works with sqlite too',
      'bob on sqlite indexes',
    ]);
    expect(await marks(page)).toEqual([['sqlite'], ['sqlite']]);

    await search(page, '"full text"');
    await visible(page.getByRole('feed', { name: 'Posts matching "full text"' }));
    expect(await postBodies(page)).toEqual([
      'ann writes: full text is fun',
      'cat reads about full text search',
    ]);
    // A phrase is marked as a whole.
    expect(await marks(page)).toEqual([['full text'], ['full text']]);
    expect(errors).toEqual([]);
  });

  it('markup in a search and in a post body stays text', async () => {
    const { page, errors } = await start({ dbPath: await seeded() });
    await visible(page.locator('.post-body'));
    await search(page, '<img src=x onerror="window.__pwned=1">');
    await visible(page.locator('.post-body mark'));
    expect(await postBodies(page)).toEqual(['cat posts <img src=x onerror="window.__pwned=1">']);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('hostile FTS syntax gives results or a sentence, never an error page', async () => {
    const { page, errors } = await start({ dbPath: await seeded() });
    await visible(page.locator('.post-body'));
    for (const text of ['"', '*', 'NEAR(', 'col:', 'NEAR(sqlite', 'body:sqlite', '"sqlite', 'sqlite*']) {
      await search(page, text);
      const outcome = page.locator('.state.empty, [role="feed"] .post-body');
      await visible(outcome);
      expect(await page.getByRole('alert').count(), text).toBe(0);
      expect(await page.getByText('Something went wrong').count(), text).toBe(0);
    }
    await search(page, '*');
    expect(await page.locator('.state.empty').textContent()).toBe('Type a word to search for.');
    // Plain text: "near" and "sqlite" next to each other, which no post has.
    await search(page, 'NEAR(sqlite');
    expect(await page.locator('.state.empty').textContent()).toBe('No posts match “NEAR(sqlite”.');
    await search(page, 'sqli*');
    expect(await postBodies(page)).toEqual([
      'bob: the search box works with sqlite too',
      'bob on sqlite indexes',
    ]);
    expect(errors).toEqual([]);
  });

  it('jumping to a date shows that day’s posts first, on the timeline and in search results', async () => {
    const { page, errors } = await start({ dbPath: await seeded() });
    await visible(page.locator('.post-body'));
    await page.getByLabel('Older than…').fill('2026-03-03');
    await page.getByRole('button', { name: 'Go' }).click();
    await visible(page.getByText('Showing posts from Mar 3, 2026 and before.'));
    expect(await postBodies(page)).toEqual([
      'ann writes: full text is fun',
      'cat reads about full text search',
      'bob on sqlite indexes',
    ]);
    await search(page, 'sqlite');
    await page.getByLabel('Older than…').fill('2026-03-04');
    await page.getByRole('button', { name: 'Go' }).click();
    await visible(page.getByText('Showing posts from Mar 4, 2026 and before.'));
    expect(await postBodies(page)).toEqual(['bob on sqlite indexes']);
    expect(errors).toEqual([]);
  });

  it('the directory of 1,000 profiles renders only what is on screen, and reaches the last one', async () => {
    const dbPath = freshDbPath();
    const context = await createAppContext({ dbPath });
    try {
      const repos = createRepositories(context.db);
      context.db.transaction(() => {
        for (let i = 1; i <= 1000; i++)
          repos.users.create({ username: `user${i}`, email: `user${i}@example.com` });
      })();
      repos.settings.set(ACTIVE_USER_KEY, '1');
    } finally {
      context.close();
    }
    const { page, errors } = await start({ dbPath });
    await page.getByRole('link', { name: 'Users' }).click();
    await visible(page.locator('.user-row'));
    expect(await page.locator('.user-row').count()).toBeLessThan(60);
    // Natural order: user2 comes right after user1, not user10.
    expect((await page.locator('.user-row .username').allTextContents()).slice(0, 3)).toEqual([
      'user1',
      'user2',
      'user3',
    ]);
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await visible(page.getByRole('link', { name: /^user1000/ }));
    expect(await page.locator('.user-row').count()).toBeLessThan(60);
    expect(errors).toEqual([]);
  });
});
