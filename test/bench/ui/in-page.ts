/**
 * What the UI benchmark measures inside the page, as source text run by `page.evaluate` (the
 * page has no module system, and tsx would wrap named functions in a helper the page lacks).
 * Every timing is `performance.now()` in the page: from the user's action to the first frame
 * drawn after the DOM shows its result (a MutationObserver sees the change, then one rAF).
 */
import type { Page } from 'playwright-core';

/** Resolves, in the page, after the next frame once `done()` is true, with the ms since `start`. */
const UNTIL_FRAME = `(start, done) => new Promise((resolve) => {
  const finish = () => requestAnimationFrame(() => resolve(performance.now() - start));
  if (done()) return finish();
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    finish();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})`;

/** Clicks Post (no scrolling: the composer may be far off screen) and times until `body` is the first post. */
export function timePost(page: Page, body: string): Promise<number> {
  return page.evaluate(`(() => {
    const until = ${UNTIL_FRAME};
    const button = [...document.querySelectorAll('.composer button')].find((b) => b.textContent.trim() === 'Post');
    const start = performance.now();
    button.click();
    return until(start, () => document.querySelector('.post-row[data-row] .post-body')?.textContent === ${JSON.stringify(body)});
  })()`);
}

/** Confirms the open delete dialog and times until post `id` is gone from the list. */
export function timeDelete(page: Page, id: number): Promise<number> {
  return page.evaluate(`(() => {
    const until = ${UNTIL_FRAME};
    const dialog = document.querySelector('dialog[open]');
    const confirm = [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete post');
    const start = performance.now();
    confirm.click();
    return until(start, () => !document.querySelector('.post[data-post-id="${id}"]'));
  })()`);
}

/** An own post (one with a Delete button) fully on screen below the header, or null. */
export function ownPostOnScreen(page: Page): Promise<number | null> {
  return page.evaluate(`(() => {
    const header = document.querySelector('.topbar').getBoundingClientRect().bottom;
    const own = [...document.querySelectorAll('.post-row[data-row] .post')].find((post) => {
      const box = post.getBoundingClientRect();
      return box.top >= header && box.bottom <= innerHeight && post.querySelector('.danger-link');
    });
    return own ? Number(own.dataset.postId) : null;
  })()`);
}

/** Records keystroke → next frame for every key typed into the composer from now on. */
export function recordKeystrokes(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    window.__keystrokes = [];
    const box = document.querySelector('.composer textarea');
    let start = 0;
    box.addEventListener('keydown', () => { start = performance.now(); });
    box.addEventListener('input', () => {
      const from = start;
      // rAF runs before the frame is drawn; the message after it runs once it has been.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__keystrokes.push(performance.now() - from);
        channel.port2.postMessage(0);
      });
    });
  })()`);
}

/** The keystroke timings recorded so far. */
export function keystrokes(page: Page): Promise<number[]> {
  return page.evaluate('window.__keystrokes.slice()');
}

/** Installed before a reload: the time from navigation start to the first post drawn. */
export const FIRST_POST_SCRIPT = `(() => {
  if (window.top !== window) return;
  const until = ${UNTIL_FRAME};
  window.__firstPost = new Promise((resolve) => {
    const watch = () => until(0, () => document.querySelector('.post-row[data-row]') !== null).then(resolve);
    if (document.body) watch(); else document.addEventListener('DOMContentLoaded', watch);
  });
})();`;

/** The time from navigation start to the first post drawn, as FIRST_POST_SCRIPT saw it. */
export function firstPostTime(page: Page): Promise<number> {
  return page.evaluate('window.__firstPost');
}

/** The highest row index drawn, and the page's height. */
export function depth(page: Page): Promise<{ row: number; height: number }> {
  return page.evaluate(`({
    row: Math.max(-1, ...[...document.querySelectorAll('.post-row[data-row]')].map((r) => Number(r.dataset.row))),
    height: document.documentElement.scrollHeight,
  })`);
}
