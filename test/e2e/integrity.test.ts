import { describe, expect, it } from 'vitest';
import { writeCleanShutdown } from '../../electron/main/clean-shutdown';
import { damageAPage, seedDatabase } from '../fixtures/index';
import { appsPerTest, freshDbPath, visible } from './steps';

const start = appsPerTest();

describe('the integrity check after a quick start', () => {
  it('says the file is damaged and leads to the backups, once the window shows', async () => {
    const dbPath = freshDbPath();
    await seedDatabase(dbPath, { users: 2, posts: 2000, body: (i) => `seeded post ${i}` });
    const first = await start({ dbPath });
    await first.page.getByRole('button', { name: 'susan' }).click();
    await visible(first.page.locator('.post-row'));
    await first.close();
    // Damage after a clean quit, with the marker matching it: what a failing disk does unseen.
    damageAPage(dbPath);
    writeCleanShutdown(dbPath);

    const { page } = await start({ dbPath });
    const notice = page.getByRole('alert').filter({ hasText: 'found damage in its data file' });
    await visible(notice);
    await notice.getByRole('button', { name: 'Show backups' }).click();
    await expect.poll(() => page.evaluate('window.location.hash')).toBe('#/settings/data');
    await notice.getByRole('button', { name: 'Not now' }).click();
    await notice.waitFor({ state: 'hidden' });
  });
});
