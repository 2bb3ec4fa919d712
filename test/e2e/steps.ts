/** Small user-level steps shared by the scenarios: what a person would do, through the UI only. */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { tempDir } from '../fixtures/test';
import { type OpenApp, type OpenAppOptions, closeShared, openApp } from './harness';

/** A fresh data folder for one scenario, removed after it; the database file inside it does not exist yet. */
export function freshDbPath(): string {
  return path.join(tempDir('e2e'), 'microblog.sqlite');
}

/** Opens apps for one file's tests, each on a fresh database by default: closed after its test, the browser after the file. */
export function appsPerTest(): (options?: Partial<OpenAppOptions>) => Promise<OpenApp> {
  const opened: OpenApp[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });
  afterAll(closeShared);
  return async (options = {}) => {
    const app = await openApp({ dbPath: freshDbPath(), ...options });
    opened.push(app);
    return app;
  };
}

export interface ProfileInput {
  username: string;
  email: string;
  password?: string;
}

/** Waits until the locator is visible (Playwright's own auto-wait). */
export function visible(locator: Locator): Promise<void> {
  return locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Fills the profile form in `scope` (the welcome page or the "Add a profile" dialog) and submits. */
export async function fillProfileForm(scope: Page | Locator, input: ProfileInput): Promise<void> {
  await scope.getByLabel('Username').fill(input.username);
  await scope.getByLabel('Email').fill(input.email);
  if (input.password) await scope.getByLabel('Password (optional)').fill(input.password);
  await scope.getByRole('button', { name: 'Create profile' }).click();
}

/** Creates the first profile on the welcome page and waits for the timeline. */
export async function createFirstProfile(page: Page, input: ProfileInput): Promise<void> {
  await visible(page.getByRole('heading', { name: 'Welcome to Microblog' }));
  await fillProfileForm(page, input);
  await visible(page.getByRole('heading', { name: 'Timeline' }));
}

/** The composer's text box. */
export function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: 'New post' });
}

/** Writes a post with the keyboard shortcut and waits until the composer is cleared. */
export async function post(page: Page, body: string): Promise<void> {
  await composer(page).fill(body);
  await composer(page).press('Control+Enter');
  await expect.poll(() => composer(page).inputValue()).toBe('');
}

/** The bodies of the posts on screen, top to bottom. */
export function postBodies(page: Page): Promise<string[]> {
  return page.locator('.post-body').allTextContents();
}

/** Opens the profile switcher and adds a profile through its dialog. */
export async function addProfile(page: Page, input: ProfileInput): Promise<void> {
  await page.getByRole('button', { name: /Switch profile/ }).click();
  await page.getByRole('menuitem', { name: 'Add another profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await fillProfileForm(dialog, input);
  await dialog.waitFor({ state: 'hidden' });
}

/** Picks a profile in the switcher. */
export async function switchTo(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: /Switch profile/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${username}\\b`) }).click();
}

/** The active profile's name, as the header's switcher shows it. */
export function activeProfile(page: Page): Promise<string | null> {
  return page.locator('.switcher-button > .truncate').textContent();
}

type StyledElement = {
  ownerDocument: { defaultView: { getComputedStyle(e: unknown): Record<string, string> } };
};

/** One computed CSS property of the element, as the browser resolved it. */
export function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (el, name) => (el as unknown as StyledElement).ownerDocument.defaultView.getComputedStyle(el)[name] ?? '',
    property,
  );
}
