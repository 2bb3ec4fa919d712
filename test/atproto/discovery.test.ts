import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { loopbackDiscovery } from './identity';
import { type Network, startNetwork } from './network';
import { repository } from './repository';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

/** An address as the PDS's own origin: the DID document may name it as localhost. */
const origin = (url: string) => new URL(url).port;

describe('finding the PDS from the handle', () => {
  it('a handle alone: handle → DID over HTTPS, DID → document at the PLC, then its PDS; posts go there', async () => {
    const account = await network.createAccount('found');
    const lookups = loopbackDiscovery(network);
    const laptop = await device('found', undefined, lookups.options);
    await laptop.transport.signIn(laptop.user.id, `@${account.handle.toUpperCase()}`, account.appPassword);
    expect(lookups.asked).toEqual([`https://${account.handle}/.well-known/atproto-did`]);
    const link = laptop.accounts.get(laptop.user.id);
    expect(link?.did).toBe(account.did);
    expect(link?.pdsUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/);
    expect(origin(link?.pdsUrl ?? '')).toBe(origin(network.pdsUrl));
    laptop.post('found my server');
    await laptop.drain();
    expect([...(await repository(network.pdsUrl, account.did)).values()]).toEqual(['found my server']);
  });

  it('a DID alone: its document names the PDS, and no handle is looked up', async () => {
    const account = await network.createAccount('bydid');
    const lookups = loopbackDiscovery(network);
    const laptop = await device('bydid', undefined, lookups.options);
    await laptop.transport.signIn(laptop.user.id, account.did, account.appPassword);
    expect(lookups.asked).toEqual([]);
    expect(laptop.accounts.get(laptop.user.id)).toMatchObject({ did: account.did, handle: account.handle });
  });

  it('a handle that does not resolve gets one sentence, and nothing is linked', async () => {
    const lookups = loopbackDiscovery(network);
    const laptop = await device('lost', undefined, lookups.options);
    await expect(
      laptop.transport.signIn(laptop.user.id, 'nobody.test', 'abcd-efgh-ijkl-mnop'),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'identifier',
      message:
        'No account was found for nobody.test. Check the handle and your connection, or enter your server’s address.',
    });
    await expect(
      laptop.transport.signIn(laptop.user.id, 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'abcd-efgh-ijkl-mnop'),
    ).rejects.toMatchObject({ field: 'identifier' });
    expect(laptop.accounts.get(laptop.user.id)).toBeNull();
  });

  it('an entered server address wins: nothing is looked up', async () => {
    const account = await network.createAccount('entered');
    const lookups = loopbackDiscovery(network);
    const laptop = await device('entered', undefined, { ...lookups.options, plcUrl: 'http://127.0.0.1:9' });
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    expect(lookups.asked).toEqual([]);
    expect(laptop.accounts.get(laptop.user.id)?.pdsUrl).toBe(network.pdsUrl);
  });
});
