import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenApp } from './harness';
import { appsPerTest, createFirstProfile, freshDbPath, visible } from './steps';

const open = appsPerTest();
const start = (dbPath = freshDbPath(), viewport?: { width: number; height: number }): Promise<OpenApp> =>
  open({ dbPath, ...(viewport && { viewport }) });

/** A 1×1 PNG: a real image the renderer decodes, resizes and stores as PNG. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function openEdit(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'My profile' }).click();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await visible(page.getByRole('heading', { name: 'Edit profile' }));
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
    expect(await header.locator('img.avatar').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
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
