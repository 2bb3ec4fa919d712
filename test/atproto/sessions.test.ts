import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_COLLECTION } from '../../electron/main/publisher/record';
import { device } from './device';
import { type Network, startNetwork } from './network';
import { type Decision, startProxy } from './proxy';
import { repository } from './repository';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

const isPut = (path: string) =>
  path.endsWith('com.atproto.repo.putRecord') || path.endsWith('com.atproto.repo.applyWrites');
/** What a PDS answers when the access token has expired. */
const EXPIRED: Decision = { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };

describe('sessions and limits against a real PDS', () => {
  it('a 429 with ratelimit-reset: nothing is sent before the reset, then the post goes out once', async () => {
    const account = await network.createAccount('limited');
    const resetAt = Math.ceil(Date.now() / 1000) + 2;
    let limited = true;
    const proxy = await startProxy(network.pdsUrl, (_method, path) => {
      if (!isPut(path) || !limited) return 'forward';
      limited = false;
      return {
        status: 429,
        body: { error: 'RateLimitExceeded' },
        headers: { 'ratelimit-reset': String(resetAt) },
      };
    });
    const laptop = await device('limited', proxy.fetch);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    laptop.post('patient');
    await laptop.drain();
    expect(laptop.outbox.nextDueAt(laptop.user.id)).toBeGreaterThanOrEqual(resetAt * 1000);
    await laptop.drain();
    expect(proxy.seen.filter((s) => isPut(s.path))).toHaveLength(1);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, (laptop.outbox.nextDueAt(laptop.user.id) ?? 0) - Date.now())),
    );
    await laptop.drain();
    await proxy.close();
    expect(proxy.seen.filter((s) => isPut(s.path)).map((s) => s.decision)).toEqual(['429', 'forward']);
    expect([...(await repository(network.pdsUrl, account.did)).values()]).toEqual(['patient']);
  });

  it('an expired access token is refreshed by the protocol and the new tokens are kept', async () => {
    const account = await network.createAccount('refresh');
    let expire = true;
    const proxy = await startProxy(network.pdsUrl, (_method, path) => {
      if (isPut(path) && expire) {
        expire = false;
        return EXPIRED;
      }
      return 'forward';
    });
    const laptop = await device('refresh', proxy.fetch);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    const before = laptop.sessions.load(laptop.user.id);
    laptop.post('after a refresh');
    await laptop.drain();
    await proxy.close();
    expect(proxy.seen.map((s) => s.path.split('/').at(-1))).toContain('com.atproto.server.refreshSession');
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    const after = laptop.sessions.load(laptop.user.id);
    expect(after?.refreshJwt).toBeTruthy();
    expect(after?.refreshJwt).not.toBe(before?.refreshJwt);
    expect([...(await repository(network.pdsUrl, account.did)).values()]).toEqual(['after a refresh']);
  });

  it('a revoked app password gives one sentence to sign in again, and the queue is kept', async () => {
    const account = await network.createAccount('revoked');
    let expire = false;
    const proxy = await startProxy(network.pdsUrl, (_method, path) =>
      isPut(path) && expire ? EXPIRED : 'forward',
    );
    const laptop = await device('revoked', proxy.fetch);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    const owner = await network.agentFor(account);
    await owner.com.atproto.server.revokeAppPassword({ name: 'microblog' });
    // Access tokens are short-lived JWTs the PDS does not look up; the revocation bites at the
    // next refresh, which the expired token forces.
    expire = true;
    laptop.post('kept for later');
    laptop.post('also kept');
    await laptop.drain();
    expect(laptop.publisher.signInNeeded(laptop.user.id)).toEqual({ key: 'publishing.signedOut' });
    expect(laptop.outbox.pending(laptop.user.id)).toBe(2);
    expect(laptop.sessions.load(laptop.user.id)).toBeNull();
    expect((await repository(network.pdsUrl, account.did)).size).toBe(0);
    await expect(
      laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl),
    ).rejects.toThrow('That handle and app password do not match an account on this server.');
    await proxy.close();
  });

  it('another account cannot write to ours', async () => {
    const ann = await network.createAccount('annx');
    const mallory = await network.createAccount('mallory');
    const laptop = await device('annx');
    await laptop.transport.signIn(laptop.user.id, ann.handle, ann.appPassword, network.pdsUrl);
    laptop.post('mine alone');
    await laptop.drain();
    const intruder = new AtpAgent({ service: network.pdsUrl });
    await intruder.login({ identifier: mallory.handle, password: mallory.appPassword });
    const [rkey] = [...(await repository(network.pdsUrl, ann.did)).keys()];
    const record = { $type: POST_COLLECTION, text: 'not yours', createdAt: new Date().toISOString() };
    await expect(
      intruder.com.atproto.repo.putRecord({
        repo: ann.did,
        collection: POST_COLLECTION,
        rkey: rkey ?? '',
        record,
      }),
    ).rejects.toMatchObject({ status: expect.any(Number) });
    await expect(
      intruder.com.atproto.repo.deleteRecord({
        repo: ann.did,
        collection: POST_COLLECTION,
        rkey: rkey ?? '',
      }),
    ).rejects.toMatchObject({ status: expect.any(Number) });
    expect([...(await repository(network.pdsUrl, ann.did)).values()]).toEqual(['mine alone']);
  });
});
