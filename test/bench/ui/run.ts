/**
 * `npm run bench:ui [-- --posts P --users U --rows R --samples N --deep-posts M --json FILE]`:
 * the app's own page through the e2e harness on a seeded file (100,000 posts by default), timed
 * in the page: open → first post against the same page answered from memory, Post and delete at
 * the top and R rows down, the JS heap at both places, and keystroke → next frame. Prints a
 * table and the ratios against their targets; exits non-zero when one is missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCount } from '../../../electron/shared/run-tool';
import { findBrowser } from '../../e2e/browser';
import { type OpenApp, closeShared, openApp } from '../../e2e/harness';
import { tempFolder } from '../../fixtures/temp';
import { FIRST_POST_SCRIPT, firstPostTime } from './in-page';
import { type UiBenchResult, formatUiTable, ratio, spread } from './report';
import { deleteOnce, heapAfterGc, postOnce, scrollToRow, typeAndTime, waitFor } from './scenario';
import { answerKey, rememberAnswers, seedUiDatabase } from './setup';

const median = (times: number[]) => spread(times).median_ms;

async function timelineCalls(app: OpenApp): Promise<number> {
  return (await app.received()).filter((call) => call.channel === 'posts:timeline').length;
}

/** Reloads each app in turn `samples` times: ms from navigation start to the first post drawn. */
async function openTimes(apps: OpenApp[], samples: number): Promise<number[][]> {
  for (const app of apps) await app.page.context().addInitScript({ content: FIRST_POST_SCRIPT });
  const times: number[][] = apps.map(() => []);
  for (let i = 0; i < samples; i++) {
    for (const [n, app] of apps.entries()) {
      await app.page.reload();
      times[n]?.push(await firstPostTime(app.page));
    }
  }
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: Object.fromEntries(
      ['posts', 'users', 'rows', 'samples', 'deep-posts', 'json'].map((name) => [name, { type: 'string' }]),
    ) as Record<string, { type: 'string' }>,
  });
  const sizes = {
    users: readCount(values.users, '--users', 1000, 1),
    posts: readCount(values.posts, '--posts', 100_000, 100),
    rows: readCount(values.rows, '--rows', 20_000, 1),
  };
  const samples = readCount(values.samples, '--samples', 7, 1);
  const deepPosts = readCount(values['deep-posts'], '--deep-posts', 3, 1);
  const browser = findBrowser();
  if (!browser.ok) throw new Error(browser.message);
  const started = Date.now();
  const folder = tempFolder('bench-ui');
  const log = (line: string) => console.log(`  ${line}`);
  try {
    const file = path.join(folder.dir, 'microblog.db');
    console.log(
      `Microblog UI benchmark: ${sizes.users} users, ${sizes.posts} posts, ${sizes.rows} rows deep`,
    );
    await seedUiDatabase(file, sizes);
    log('seeded');

    const app = await openApp({ dbPath: file });
    await waitFor('the first post', async () => (await app.page.locator('.post-row').count()) > 0);
    const opening = (await app.received()).filter((call) => call.channel === 'app:firstScreen');
    const answers = await rememberAnswers(file, opening);
    const memory = await openApp({
      dbPath: file,
      answerFromMemory: (channel, payload) => answers.get(answerKey(channel, payload)),
    });
    const [database = [], fromMemory = []] = await openTimes([app, memory], samples);
    await memory.close();
    log(`open measured: ${median(database).toFixed(1)} ms, from memory ${median(fromMemory).toFixed(1)} ms`);

    const { page } = app;
    await waitFor(
      'the first post after the reloads',
      async () => (await page.locator('.post-row').count()) > 0,
    );
    const heapTop = await heapAfterGc(page);
    const keys = await typeAndTime(app, 60);
    const postTop: number[] = [];
    const deleteTop: number[] = [];
    for (let i = 0; i < samples; i++) postTop.push(await postOnce(page, `posted at the top ${i}`));
    for (let i = 0; i < samples; i++) deleteTop.push(await deleteOnce(page));
    log('top measured');

    await scrollToRow(page, sizes.rows);
    const heapDeep = await heapAfterGc(page);
    let callsAtDepth = 0;
    const deleteDeep: number[] = [];
    for (let i = 0; i < samples; i++) {
      const before = await timelineCalls(app);
      deleteDeep.push(await deleteOnce(page));
      callsAtDepth += (await timelineCalls(app)) - before;
    }
    const postDeep: number[] = [];
    for (let i = 0; i < deepPosts; i++) {
      if (i > 0) await scrollToRow(page, sizes.rows);
      const before = await timelineCalls(app);
      postDeep.push(await postOnce(page, `posted ${sizes.rows} rows down ${i}`));
      callsAtDepth += (await timelineCalls(app)) - before;
      log(`post ${i + 1} of ${deepPosts} at depth measured`);
    }
    await app.close();

    const result: UiBenchResult = {
      sizes,
      browser: browser.kind,
      open: { database: spread(database), memory: spread(fromMemory) },
      post: { top: spread(postTop), deep: spread(postDeep) },
      delete: { top: spread(deleteTop), deep: spread(deleteDeep) },
      heap_bytes: { top: heapTop, deep: heapDeep },
      keystroke: spread(keys),
      timeline_calls_at_depth: callsAtDepth,
      ratios: [
        ratio('open → first post, database / memory', median(database) / median(fromMemory), 2),
        ratio('Post, deep / top', median(postDeep) / median(postTop), 1.5),
        ratio('delete, deep / top', median(deleteDeep) / median(deleteTop), 1.5),
        ratio('heap, deep / top', heapDeep / heapTop, 1.5),
      ],
      seconds: (Date.now() - started) / 1000,
    };
    console.log('');
    console.log(formatUiTable(result));
    console.log(`posts:timeline calls while posting and deleting at depth: ${callsAtDepth}`);
    console.log(`whole run: ${result.seconds.toFixed(1)} s`);
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
    const missed = result.ratios.filter((r) => !r.met);
    if (missed.length > 0) {
      console.log(`missed: ${missed.map((r) => r.what).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await closeShared();
    folder.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
