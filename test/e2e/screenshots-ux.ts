/**
 * The screenshots of the keyboard, settings and language work, for `npm run screenshots`: the
 * timeline, a profile and a dialog in Spanish, and the Settings page (General) and shortcut sheet in
 * light and dark at 600 and 1280 px wide.
 */
import type { Page } from 'playwright-core';
import { openApp } from './harness';

type Shot = (name: string) => string;

/** Opens the seeded app as maya (choosing her on the first run), waiting for the timeline. */
async function asMaya(page: Page, chooser: string): Promise<void> {
  const choose = page.getByRole('heading', { name: chooser });
  const timeline = page.locator('.post-body').first();
  await Promise.race([choose.waitFor(), timeline.waitFor()]);
  if (await choose.isVisible()) await page.getByRole('button', { name: 'maya', exact: true }).click();
  await timeline.waitFor();
  // The pointer away from the nav, so no hover colour shows.
  await page.mouse.move(5, 700);
}

/** The Spanish timeline, profile and delete dialog, in light. */
async function spanish(dbPath: string, shot: Shot): Promise<void> {
  const viewport = { width: 1100, height: 760 };
  const { page, close } = await openApp({ dbPath, viewport, locale: 'es-ES', reducedMotion: 'reduce' });
  await asMaya(page, '¿Quién publica?');
  await page.screenshot({ path: shot('es-timeline') });
  await page.getByRole('link', { name: 'Mi perfil' }).click();
  await page.getByText('2 publicaciones', { exact: true }).waitFor();
  await page.mouse.move(5, 700);
  await page.screenshot({ path: shot('es-profile') });
  await page.getByRole('button', { name: 'Eliminar perfil…' }).click();
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: shot('es-dialog') });
  await close();
}

/** The Settings page and the shortcut sheet, light and dark, narrow and wide. */
async function dialogs(dbPath: string, shot: Shot): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [600, 1280]) {
      const viewport = { width, height: 720 };
      const { page, close } = await openApp({ dbPath, viewport, colorScheme, reducedMotion: 'reduce' });
      await asMaya(page, 'Who is posting?');
      await page.screenshot({ path: shot(`timeline-${colorScheme}-${width}`) });
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).waitFor();
      await page.screenshot({ path: shot(`settings-${colorScheme}-${width}`) });
      await page.getByRole('link', { name: 'Timeline' }).click();
      await page.locator('.post-body').first().waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.screenshot({ path: shot(`shortcuts-${colorScheme}-${width}`) });
      await close();
    }
  }
}

/** Writes every screenshot of this area; `seeded()` gives a fresh seeded database file. */
export async function uxScreenshots(seeded: () => Promise<string>, shot: Shot): Promise<void> {
  await spanish(await seeded(), shot);
  await dialogs(await seeded(), shot);
}
