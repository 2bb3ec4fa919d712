import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { type Network, type TestAccount, startNetwork } from './network';
import { startProxy } from './proxy';
import { repository } from './repository';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

const repositoryOf = (account: TestAccount) => repository(network.pdsUrl, account.did);

describe('publishing to a real PDS', () => {
  it('50 posts written while the PDS is down are each published exactly once when it is back', async () => {
    const account = await network.createAccount('offline');
    const laptop = await device('offline');
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    await network.stopPds();
    const bodies = Array.from({ length: 50 }, (_, i) => `offline post ${i + 1}`);
    for (const body of bodies) laptop.post(body);
    await laptop.drain();
    expect(laptop.outbox.pending(laptop.user.id)).toBe(50);
    expect(laptop.outbox.nextDueAt(laptop.user.id)).toBeGreaterThan(Date.now());
    await network.startPds();
    laptop.db.prepare(`UPDATE outbox SET due_at = 0`).run(); // the reconnect wake: no need to sit out the backoff
    await laptop.drain();
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    const repo = await repositoryOf(account);
    expect([...repo.values()].sort()).toEqual([...bodies].sort());
    const keys = laptop.db
      .prepare(`SELECT rkey FROM post_records WHERE cid IS NOT NULL ORDER BY rkey`)
      .pluck()
      .all();
    expect(keys).toEqual([...repo.keys()].sort());
  });

  it('a response lost after the PDS wrote the record: the retry makes no duplicate', async () => {
    const account = await network.createAccount('lossy');
    let drops = 2;
    const proxy = await startProxy(network.pdsUrl, (method, path) =>
      path.endsWith('com.atproto.repo.putRecord') && drops-- > 0 ? 'forward-then-drop' : 'forward',
    );
    const laptop = await device('lossy', proxy.fetch);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    laptop.post('said once');
    laptop.post('said once too');
    for (let i = 0; i < 4 && laptop.outbox.pending(laptop.user.id) > 0; i++) {
      laptop.db.prepare(`UPDATE outbox SET due_at = 0`).run();
      await laptop.drain();
    }
    await proxy.close();
    expect(proxy.seen.filter((s) => s.decision === 'forward-then-drop')).toHaveLength(2);
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    expect([...(await repositoryOf(account)).values()].sort()).toEqual(['said once', 'said once too']);
  });
});
