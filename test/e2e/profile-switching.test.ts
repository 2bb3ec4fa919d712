import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness';
import { seedProfiles, seededName } from './profile-seed';
import { activeProfile, appsPerTest, composer, freshDbPath, visible } from './steps';

const open = appsPerTest();
const start = (dbPath = freshDbPath(), viewport?: { width: number; height: number }): Promise<OpenApp> =>
  open({ dbPath, ...(viewport && { viewport }) });

/** Tabs through the page until the element with this accessible name has focus (keyboard only). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    // The name is the aria-label, or for a button named by its content (the switcher), its text.
    const label = await page.evaluate<string>(`(() => {
      const e = document.activeElement;
      return e?.getAttribute('aria-label') ?? (e?.matches('button') ? e.textContent : '') ?? '';
    })()`);
    if (label.includes(name)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The focused element's text and whether it lies wholly inside the window. */
function focusedInView(page: Page): Promise<{ text: string; inView: boolean }> {
  return page.evaluate<{ text: string; inView: boolean }>(`(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    return { text: el.textContent ?? '', inView };
  })()`);
}

/** True when the composer has focus. */
function composerFocused(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    `document.activeElement === document.querySelector('form[aria-label="New post"] textarea')`,
  );
}

describe('switching among many profiles', () => {
  it('with 40 profiles in a 600×700 window, reaches every profile and "Add another profile…" by keyboard', async () => {
    const dbPath = freshDbPath();
    await seedProfiles(dbPath, 40);
    const { page } = await start(dbPath, { width: 600, height: 700 });
    await page.getByRole('button', { name: seededName(1), exact: true }).click();
    await visible(composer(page));
    await tabTo(page, 'Switch profile');
    await page.keyboard.press('Enter');
    // More than 7 profiles: the menu opens on its filter; the arrow goes to the first profile.
    expect(await page.evaluate<string>(`document.activeElement?.getAttribute('aria-label')`)).toBe(
      'Filter profiles',
    );
    const reached = new Set<string>();
    for (let i = 0; i < 41; i++) {
      await page.keyboard.press('ArrowDown');
      const { text, inView } = await focusedInView(page);
      expect(inView, text).toBe(true);
      reached.add(text);
    }
    for (let i = 1; i <= 40; i++) {
      expect(
        [...reached].some((text) => text.includes(seededName(i))),
        seededName(i),
      ).toBe(true);
    }
    expect([...reached].at(-1)).toBe('Add another profile…');
    // Escape closes it, focus back on the button; the filter narrows it to one.
    await page.keyboard.press('Escape');
    expect(await page.evaluate<string>(`document.activeElement?.getAttribute('aria-expanded')`)).toBe(
      'false',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.type('user0037');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeProfile(page)).toBe('user0037');
    // Switching says who is posting now and puts focus in the composer.
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Posting as user0037');
    await expect.poll(() => composerFocused(page), { timeout: 10_000 }).toBe(true);
  });

  it('"Who is posting?" with 1,000 profiles renders a few rows and filters to one', async () => {
    const dbPath = freshDbPath();
    await seedProfiles(dbPath, 1000);
    const { page } = await start(dbPath);
    await visible(page.getByRole('heading', { name: 'Who is posting?' }));
    await visible(page.getByRole('button', { name: seededName(1), exact: true }));
    expect(await page.locator('.choose-list li').count()).toBeLessThan(40);
    await page.getByLabel('Filter profiles').fill('user0777');
    await expect.poll(() => page.locator('.choose-list li').count()).toBe(1);
    await page.getByRole('button', { name: 'user0777' }).click();
    await expect.poll(() => activeProfile(page)).toBe('user0777');
    await expect.poll(() => composerFocused(page), { timeout: 10_000 }).toBe(true);
  });
});
