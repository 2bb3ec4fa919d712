import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness';
import { seedProfiles, seededName } from './profile-seed';
import { activeProfile, appsPerTest, composer, createFirstProfile, freshDbPath, visible } from './steps';

const open = appsPerTest();
const start = (dbPath = freshDbPath(), viewport?: { width: number; height: number }): Promise<OpenApp> =>
  open({ dbPath, ...(viewport && { viewport }) });

/** A 1×1 PNG: a real image the renderer decodes, resizes and stores as WebP. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function openEdit(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'My profile' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await visible(page.getByRole('heading', { name: 'Edit profile' }));
}

/** Tabs through the page until the element with this accessible name has focus (keyboard only). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate<string>(`document.activeElement?.getAttribute('aria-label') ?? ''`);
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

describe('editing your own profile', () => {
  it('edits every field and shows each on the profile page after a restart', async () => {
    const dbPath = freshDbPath();
    const first = await start(dbPath);
    await createFirstProfile(first.page, { username: 'ana', email: '' });
    await openEdit(first.page);
    const form = first.page.getByRole('form', { name: 'Edit profile' });
    await form.getByLabel('Username').fill('ana-maria');
    await form.getByLabel('Display name (optional)').fill('Ana María 🌷');
    await form.getByLabel('About me (optional)').fill('Hola, mundo.\nSecond line.');
    await form.getByLabel('Email (optional)').fill('ana@example.org');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await visible(first.page.getByRole('heading', { name: 'Ana María 🌷' }));
    await first.page.getByRole('button', { name: 'Edit profile' }).click();
    await first.page
      .locator('input[type=file]')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await visible(first.page.getByRole('button', { name: 'Use the generated picture' }));
    await first.page.getByLabel('Password', { exact: true }).fill('first password');
    await first.page.getByRole('button', { name: 'Set password' }).click();
    await visible(first.page.getByText('The password was saved.'));
    await first.close();

    const { page } = await start(dbPath);
    await visible(page.getByRole('heading', { name: 'Welcome back, ana-maria' }));
    await page.getByLabel('Password for ana-maria').fill('first password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'My profile' }).click();
    await visible(page.getByRole('heading', { name: 'Ana María 🌷' }));
    const header = page.locator('.profile-header');
    expect(await header.locator('.handle').textContent()).toBe('@ana-maria');
    expect(await header.locator('.about-me').textContent()).toBe('Hola, mundo.\nSecond line.');
    expect(await header.textContent()).toMatch(/Joined \w+ \d{4}/);
    expect(await header.textContent()).toMatch(/Last seen (just now|1 minute ago|\d+ minutes ago)/);
    expect(await header.locator('img.avatar').getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    expect(await page.getByLabel('Email (optional)').inputValue()).toBe('ana@example.org');
  });

  it('shows every error at once, focused on the first, in the app’s own words', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'bea', email: '' });
    await openEdit(page);
    const form = page.getByRole('form', { name: 'Edit profile' });
    await form.getByLabel('Username').fill('has space');
    await form.getByLabel('Display name (optional)').fill('x'.repeat(51));
    await form.getByLabel('Email (optional)').fill('nope');
    await form.getByRole('button', { name: 'Save profile' }).click();
    expect(await form.getByRole('alert').allTextContents()).toEqual([
      'A username may use letters, digits, "_", "." and "-".',
      'A display name has at most 50 characters.',
      'That is not an email address.',
    ]);
    expect(await page.evaluate<string>(`document.activeElement?.getAttribute('name')`)).toBe('username');
    expect(db.prepare('SELECT username, display_name, email FROM users').all()).toEqual([
      { username: 'bea', display_name: null, email: null },
    ]);
  });

  it('refuses a wrong current password when changing it', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, {
      username: 'cleo',
      email: 'cleo@example.com',
      password: 'right password',
    });
    const hash = db.prepare('SELECT password_hash FROM users').pluck().get();
    await openEdit(page);
    await page.getByLabel('Current password').fill('wrong password');
    await page.getByLabel('New password').fill('another password');
    await page.getByRole('button', { name: 'Change password' }).click();
    const current = page.getByLabel('Current password');
    // scrypt checks the password on a busy machine: give it time.
    await expect.poll(() => current.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByRole('form', { name: 'Password settings' }).getByRole('alert').textContent()).toBe(
      'That password is not right.',
    );
    expect(db.prepare('SELECT password_hash FROM users').pluck().get()).toBe(hash);
  });

  it('refuses an oversize file and a file that is not an image, each with one sentence', async () => {
    const { page, db } = await start();
    await createFirstProfile(page, { username: 'dora', email: '' });
    await openEdit(page);
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    await visible(page.getByRole('alert'));
    expect(await page.getByRole('alert').textContent()).toBe(
      'That file is too large (10 MB). Pick a picture under 10 MB.',
    );
    await input.setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('just some text'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That file is not an image Microblog can use. Pick a PNG, JPEG or WebP picture.');
    expect(db.prepare('SELECT count(*) FROM avatars').pluck().get()).toBe(0);
  });
});

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
