import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_COLLECTION } from '../../electron/main/publisher/profile-record';
import { device } from './device';
import { type Network, startNetwork } from './network';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

/** A 1×1 PNG, a type the profile lexicon accepts for an avatar. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

interface ProfileValue {
  displayName?: string;
  description?: string;
  pronouns?: string;
  avatar?: { mimeType: string; ref: { toString(): string } };
}

/** The account's profile record as anyone reads it from the PDS. */
async function profileRecord(did: string): Promise<ProfileValue> {
  const agent = new AtpAgent({ service: network.pdsUrl });
  const got = await agent.com.atproto.repo.getRecord({
    repo: did,
    collection: PROFILE_COLLECTION,
    rkey: 'self',
  });
  return got.data.value as ProfileValue;
}

describe('the profile record on a real PDS', () => {
  it('name, about me and picture are published when the profile links and again when they change', async () => {
    const account = await network.createAccount('profiled');
    // Set in another app: Microblog writes over its own fields only.
    const owner = await network.agentFor(account);
    await owner.upsertProfile(() => ({ displayName: 'Old name', pronouns: 'they/them' }));
    const laptop = await device('profiled');
    const edit = (displayName: string, aboutMe: string) =>
      laptop.repos.profiles.update(laptop.user.id, { username: 'profiled', displayName, aboutMe, email: '' });
    edit('Pro Filed', 'Posts offline, publishes later.');
    laptop.repos.profiles.setAvatar(laptop.user.id, PNG);
    await laptop.transport.signIn(laptop.user.id, account.handle, account.appPassword, network.pdsUrl);
    await laptop.drain();
    const first = await profileRecord(account.did);
    expect(first).toMatchObject({
      displayName: 'Pro Filed',
      description: 'Posts offline, publishes later.',
      pronouns: 'they/them',
      avatar: { mimeType: 'image/png' },
    });
    const blob = await new AtpAgent({ service: network.pdsUrl }).com.atproto.sync.getBlob({
      did: account.did,
      cid: first.avatar?.ref.toString() ?? '',
    });
    expect(Buffer.from(blob.data)).toEqual(Buffer.from(PNG));

    // Longer than the lexicon allows: refused here, before anything is sent, with the reason kept.
    edit('Renamed', 'x'.repeat(270));
    await laptop.drain();
    expect(laptop.outbox.profileFailure(laptop.user.id)?.sentence).toEqual({
      key: 'publishing.aboutMeTooLong',
      params: { max: 256 },
    });
    expect((await profileRecord(account.did)).displayName).toBe('Pro Filed');

    edit('Renamed', 'Shorter now.');
    await laptop.drain();
    expect(laptop.outbox.profileFailure(laptop.user.id)).toBeNull();
    expect(laptop.outbox.pending(laptop.user.id)).toBe(0);
    expect(await profileRecord(account.did)).toMatchObject({
      displayName: 'Renamed',
      description: 'Shorter now.',
      pronouns: 'they/them',
      avatar: { mimeType: 'image/png' },
    });
  });
});
