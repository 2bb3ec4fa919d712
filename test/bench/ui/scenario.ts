/** The UI benchmark's steps on one app: open, scroll down the timeline, post, delete, type, weigh the heap. */
import type { Page } from 'playwright-core';
import type { OpenApp } from '../../e2e/harness';
import { depth, keystrokes, ownPostOnScreen, recordKeystrokes, timeDelete, timePost } from './in-page';

/** How long any one wait may take before the run gives up with a sentence. */
const WAIT_MS = 30_000;

/** Polls `check` until it returns true; throws `what` after WAIT_MS. */
export async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`The UI benchmark gave up waiting: ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The JS heap in use after a full garbage collection, in bytes (Chromium's own count, through CDP). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Scrolls the timeline down, page after page as a reader would, until row `rows` has been drawn. */
export async function scrollToRow(page: Page, rows: number): Promise<void> {
  for (let reached = await depth(page); reached.row < rows; reached = await depth(page)) {
    const before = reached;
    await page.evaluate(`window.scrollTo(0, ${before.height})`);
    await waitFor(`row ${rows} of the timeline (drawn up to ${before.row})`, async () => {
      const now = await depth(page);
      return now.height > before.height || now.row >= rows;
    });
  }
}

/** Types `body` into the composer without scrolling to it (it may be far above), ready to post. */
async function typeUnseen(page: Page, body: string): Promise<void> {
  await page.evaluate(`document.querySelector('.composer textarea').focus({ preventScroll: true })`);
  await page.keyboard.insertText(body);
  await waitFor('the composer to take the text', async () =>
    page.evaluate(`document.querySelector('.composer textarea').value === ${JSON.stringify(body)}`),
  );
}

/** Posts `body` from wherever the list is scrolled: ms from Post to the post drawn first in the list. */
export async function postOnce(page: Page, body: string): Promise<number> {
  await typeUnseen(page, body);
  const ms = await timePost(page, body);
  await waitFor('the composer to clear', async () =>
    page.evaluate(`document.querySelector('.composer textarea').value === ''`),
  );
  return ms;
}

/** Deletes an own post on screen (scrolling a little further to find one): ms from the confirm to the row gone. */
export async function deleteOnce(page: Page): Promise<number> {
  let id = await ownPostOnScreen(page);
  for (let step = 0; id === null && step < 20; step++) {
    await page.evaluate('window.scrollBy(0, 200)');
    await page.waitForTimeout(50);
    id = await ownPostOnScreen(page);
  }
  if (id === null) throw new Error('The UI benchmark found no own post on screen to delete.');
  await page.evaluate(`document.querySelector('.post[data-post-id="${id}"] .danger-link').click()`);
  await waitFor('the delete dialog', async () =>
    page.evaluate(`document.querySelector('dialog[open]') !== null`),
  );
  const ms = await timeDelete(page, id);
  await waitFor('the delete dialog to close', async () =>
    page.evaluate(`document.querySelector('dialog[open]') === null`),
  );
  return ms;
}

/** Types `count` characters into the composer one key at a time; ms from each keydown to the frame after it. */
export async function typeAndTime(app: OpenApp, count: number): Promise<number[]> {
  const { page } = app;
  await page.locator('.composer textarea').click();
  await recordKeystrokes(page);
  for (let i = 0; i < count; i++) await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
  await waitFor('every keystroke to be drawn', async () => (await keystrokes(page)).length >= count);
  const times = await keystrokes(page);
  await page.locator('.composer textarea').fill('');
  return times;
}
