import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_COLLECTION } from '../../electron/main/publisher/record';
import { device } from './device';
import { type Network, startNetwork } from './network';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

describe('bringing posts back from a real PDS', () => {
  it('each record is checked against the lexicon before it reaches SQLite; those that fail are skipped', async () => {
    const account = await network.createAccount('mixed');
    const owner = await network.agentFor(account);
    const now = new Date().toISOString();
    // Written past the PDS's own validation (validate: false), as another app or a broken one could.
    const put = (rkey: string, record: Record<string, unknown>) =>
      owner.com.atproto.repo.putRecord({
        repo: account.did,
        collection: POST_COLLECTION,
        rkey,
        record: { $type: POST_COLLECTION, ...record },
        validate: false,
      });
    await put('3jzfcijpj2z2a', { text: 'a good post', createdAt: now });
    await put('3jzfcijpj2z2b', { text: 42, createdAt: now }); // text is not a string
    await put('3jzfcijpj2z2c', { text: 'no time' }); // createdAt missing
    await put('3jzfcijpj2z2d', { text: 'odd time', createdAt: 'yesterday' }); // not a datetime
    await put('3jzfcijpj2z2e', { text: 'y'.repeat(200), createdAt: now }); // valid, but past 140 characters
    // Only the lexicon sees what is wrong here: text and time are fine, the facets are not.
    await put('3jzfcijpj2z2f', {
      text: 'bad facets',
      createdAt: now,
      facets: [{ index: 'nope', features: [] }],
    });
    await put('not-a-tid-key', { text: 'a key Microblog never makes', createdAt: now });
    const laptop = await device('mixed');
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    expect(await laptop.importOwn()).toEqual({ added: 1, known: 0, skipped: 6 });
    expect(laptop.bodies()).toEqual(['a good post']);
    expect(laptop.db.prepare(`SELECT rkey FROM post_records`).pluck().all()).toEqual(['3jzfcijpj2z2a']);
    expect(await laptop.importOwn()).toEqual({ added: 0, known: 1, skipped: 6 });
  });
});
