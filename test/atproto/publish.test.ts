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
    // The first batch commit and the first single write each reach the PDS, which writes them,
    // and each answer is lost on the way back.
    const drops = new Set(['com.atproto.repo.applyWrites', 'com.atproto.repo.putRecord']);
    const proxy = await startProxy(network.pdsUrl, (_method, path) => {
      const name = path.split('/').at(-1) ?? '';
      return drops.delete(name) ? 'forward-then-drop' : 'forward';
    });
    const laptop = await device('lossy', proxy.fetch);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    const settle = async () => {
      for (let i = 0; i < 6 && laptop.outbox.pending(laptop.user.id) > 0; i++) {
        laptop.db.prepare(`UPDATE outbox SET due_at = 0`).run(); // no need to sit out the backoff
        await laptop.drain();
      }
    };
    laptop.post('said once'); // alone: putRecord
    await settle();
    laptop.post('said once too'); // together: one applyWrites commit
    laptop.post('and once more');
    await settle();
    await proxy.close();
    expect(
      proxy.seen.filter((s) => s.decision === 'forward-then-drop').map((s) => s.path.split('/').at(-1)),
    ).toEqual(['com.atproto.repo.putRecord', 'com.atproto.repo.applyWrites']);
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    expect([...(await repositoryOf(account)).values()].sort()).toEqual([
      'and once more',
      'said once',
      'said once too',
    ]);
  });

  it('an edit of a published post is not published: nothing is queued and the record stays as it was', async () => {
    const account = await network.createAccount('edited');
    const laptop = await device('edited');
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    const post = laptop.post('as first written');
    await laptop.drain();
    const before = await repositoryOf(account);
    expect([...before.values()]).toEqual(['as first written']);
    laptop.repos.posts.edit(post.id, laptop.user.id, 'changed here only');
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    await laptop.drain();
    expect(await repositoryOf(account)).toEqual(before);
    expect(laptop.outbox.states([post.id]).get(post.id)).toMatchObject({ state: 'published' });
  });
});
