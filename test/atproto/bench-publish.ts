/**
 * By hand, not in `npm test`: `npx tsx test/atproto/bench-publish.ts [--posts 1000]`. Against the
 * reference PDS on loopback (its own process, as in the tests), it measures the drain of N queued
 * posts, how long IPC answers (`posts:timeline`, every 10 ms) take during that drain, and a second
 * device's import of the N posts. Prints the figures and exits non-zero if a check fails.
 */
import assert from 'node:assert/strict';
import { tempFolder } from '../fixtures/temp';
import { startNetwork } from './network';
import { openDevice } from './open-device';
import { answersDuring, percentile } from './probe';

const flag = process.argv.indexOf('--posts');
const posts = flag > 0 ? Number(process.argv[flag + 1]) : 1000;
assert.ok(Number.isInteger(posts) && posts > 0, '--posts takes a whole number above 0');

const network = await startNetwork();
const folders = [tempFolder('bench-publish'), tempFolder('bench-publish')];
try {
  const account = await network.createAccount('bench');
  const desktop = await openDevice(folders[0]?.dir ?? '', 'bench');
  await desktop.transport.signIn(desktop.user.id, account.handle, account.appPassword, network.pdsUrl);
  desktop.db.transaction(() => {
    for (let i = 1; i <= posts; i++) desktop.post(`queued post ${i} #bulk https://example.org/${i}`);
  })();
  assert.equal(desktop.outbox.pending(desktop.user.id), posts);

  const started = performance.now();
  const delays = await answersDuring(
    async () => assert.ok((await desktop.app.dispatch('posts:timeline', {})).ok),
    () => desktop.drain(),
  );
  const drainMs = performance.now() - started;
  assert.equal(desktop.outbox.pending(desktop.user.id), 0);

  const laptop = await openDevice(folders[1]?.dir ?? '', 'me');
  await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
  const importStarted = performance.now();
  const imported = await laptop.importOwn();
  const importMs = performance.now() - importStarted;
  assert.deepEqual(imported, { added: posts, known: 0, skipped: 0 });
  assert.deepEqual(laptop.bodies(), desktop.bodies());

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`posts: ${posts}`);
  console.log(`drain: ${(drainMs / 1000).toFixed(2)} s (${ms(drainMs / posts)} a post)`);
  console.log(
    `IPC during the drain: ${delays.length} answers, p50 ${ms(percentile(delays, 50))}, ` +
      `p99 ${ms(percentile(delays, 99))}, worst ${ms(Math.max(...delays))}`,
  );
  console.log(`import on a second device: ${(importMs / 1000).toFixed(2)} s`);
  await laptop.close();
  await desktop.close();
} finally {
  await network.close();
  for (const folder of folders) folder.remove();
}
