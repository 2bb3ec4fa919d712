import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { type Network, startNetwork } from './network';
import { answersDuring } from './probe';
import { repository } from './repository';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

describe('two computers, one account', () => {
  it('a second device imports the account’s posts once, and posts made on both end up on both', async () => {
    const account = await network.createAccount('twice');
    const desktop = await device('twice');
    await desktop.transport.signIn(desktop.user.id, account.handle, account.appPassword, network.pdsUrl);
    ['from the desktop 1', 'from the desktop 2', 'from the desktop 3'].forEach(desktop.post);
    await desktop.drain();
    const laptop = await device('me');
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    laptop.post('from the laptop 1');
    laptop.post('from the laptop 2');
    await laptop.drain();
    expect(await laptop.importOwn()).toEqual({ added: 3, known: 2, skipped: 0 });
    expect(await laptop.importOwn()).toEqual({ added: 0, known: 5, skipped: 0 });
    expect(await desktop.importOwn()).toEqual({ added: 2, known: 3, skipped: 0 });
    expect(laptop.bodies()).toEqual(desktop.bodies());
    expect(laptop.bodies()).toHaveLength(5);
    // Nothing imported was queued to be published again.
    expect(laptop.outbox.pending(laptop.user.id) + desktop.outbox.pending(desktop.user.id)).toBe(0);
    await laptop.drain();
    expect((await repository(network.pdsUrl, account.did)).size).toBe(5);
  });

  it('1,000 queued posts drain while IPC keeps answering, and a second device imports them', async () => {
    const account = await network.createAccount('thousand');
    const desktop = await device('thousand');
    await desktop.transport.signIn(desktop.user.id, account.handle, account.appPassword, network.pdsUrl);
    const insert = desktop.db.transaction(() => {
      for (let i = 1; i <= 1000; i++) desktop.post(`queued post ${i} #bulk https://example.org/${i}`);
    });
    insert();
    expect(desktop.outbox.pending(desktop.user.id)).toBe(1000);
    const delays = await answersDuring(
      async () => {
        const result = await desktop.app.dispatch('posts:timeline', {});
        if (!result.ok) throw new Error(result.error.message);
      },
      () => desktop.drain(),
    );
    expect(desktop.outbox.pending(desktop.user.id)).toBe(0);
    // The window is answered while the drain runs (it yields between requests); how fast is a
    // figure for the benchmark (test/atproto/bench-publish.ts), not a timed assertion here.
    expect(delays.length).toBeGreaterThan(1);

    const laptop = await device('me');
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    expect(await laptop.importOwn()).toEqual({ added: 1000, known: 0, skipped: 0 });
    expect(laptop.bodies()).toEqual(desktop.bodies());
    expect(await laptop.importOwn()).toEqual({ added: 0, known: 1000, skipped: 0 });
  });
});
