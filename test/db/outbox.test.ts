import { describe, expect, it } from 'vitest';
import { createAccountRepository } from '../../electron/db/accounts';
import type { Db } from '../../electron/db/connection';
import { createOutboxRepository } from '../../electron/db/outbox';
import { migratedDb } from '../fixtures/index';
import { dump } from './helpers';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
/** A TID's microseconds since 1970, decoded the way the protocol defines it. */
const tidMillis = (tid: string): number =>
  Number(([...tid].reduce((n, c) => n * 32n + BigInt(ALPHABET.indexOf(c)), 0n) >> 10n) / 1000n);
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

async function setup() {
  const { db, repos } = await migratedDb();
  const accounts = createAccountRepository(db);
  const outbox = createOutboxRepository(db);
  const ann = repos.users.create({ username: 'ann' });
  const bob = repos.users.create({ username: 'bob' });
  const link = { userId: ann.id, did: 'did:plc:ann', handle: 'ann.test', pdsUrl: 'http://127.0.0.1:2583' };
  return { db, repos, accounts, outbox, ann, bob, link };
}

const records = (db: Db) =>
  db.prepare(`SELECT post_id AS postId, rkey, cid FROM post_records ORDER BY post_id`).all() as {
    postId: number;
    rkey: string;
    cid: string | null;
  }[];
const rows = (db: Db) => db.prepare(`SELECT op, rkey, post_id AS postId FROM outbox ORDER BY id`).all();

describe('outbox', () => {
  it('a linked profile’s new post gets a TID of its time and a queued create; others stay local', async () => {
    const { db, repos, accounts, outbox, ann, bob, link } = await setup();
    accounts.link(link, new Date(Date.now() - 1000));
    const mine = repos.posts.create({ body: 'hello network', userId: ann.id });
    const theirs = repos.posts.create({ body: 'only here', userId: bob.id });
    repos.drafts.save(ann.id, 'not yet');
    const [record] = records(db);
    expect(records(db)).toHaveLength(1);
    expect(record).toMatchObject({ postId: mine.id, cid: null });
    expect(record?.rkey).toMatch(TID);
    expect(tidMillis(record?.rkey ?? '')).toBe(Date.parse(mine.timestamp));
    expect(rows(db)).toEqual([{ op: 'create', rkey: record?.rkey, postId: mine.id }]);
    expect(outbox.due(ann.id, Date.now())[0]).toMatchObject({ body: 'hello network', op: 'create' });
    expect(outbox.states([mine.id, theirs.id])).toEqual(
      new Map([
        [mine.id, { state: 'queued', attempts: 0 }],
        [theirs.id, { state: 'local' }],
      ]),
    );
  });

  it('a post that fails to save leaves neither a record key nor an outbox row', async () => {
    const { db, repos, accounts, ann, link } = await setup();
    accounts.link(link, new Date(Date.now() - 1000));
    const before = dump(db);
    expect(() => repos.posts.create({ body: 'x'.repeat(141), userId: ann.id })).toThrow();
    expect(() => repos.posts.create({ body: 'late', userId: ann.id, timestamp: 'yesterday' })).toThrow();
    expect(dump(db)).toEqual(before);
  });

  it('posts from before the link are counted, and queued once on request', async () => {
    const { db, repos, accounts, outbox, ann, link } = await setup();
    const old = [1, 2, 3].map((n) => repos.posts.create({ body: `old ${n}`, userId: ann.id }));
    expect(() => outbox.publishEarlier(ann.id)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    accounts.link(link, new Date(Date.now() + 1000));
    expect(rows(db)).toEqual([]);
    expect(outbox.earlierCount(ann.id)).toBe(3);
    expect(outbox.publishEarlier(ann.id)).toBe(3);
    expect(outbox.publishEarlier(ann.id)).toBe(0);
    expect(outbox.earlierCount(ann.id)).toBe(0);
    expect(records(db).map((r) => r.postId)).toEqual(old.map((p) => p.id));
    for (const r of records(db)) expect(r.rkey).toMatch(TID);
    expect(new Set(records(db).map((r) => r.rkey)).size).toBe(3);
    expect(outbox.pending(ann.id)).toBe(3);
  });

  it('deleting a queued post drops its create and queues a delete of its key; published shows a link', async () => {
    const { db, repos, accounts, outbox, ann, link } = await setup();
    accounts.link(link, new Date(Date.now() - 1000));
    const a = repos.posts.create({ body: 'first', userId: ann.id });
    const b = repos.posts.create({ body: 'second', userId: ann.id });
    const [first] = outbox.due(ann.id, Date.now());
    if (!first) throw new Error('nothing due');
    outbox.published(first, 'bafyfirst');
    expect(outbox.states([a.id]).get(a.id)).toEqual({
      state: 'published',
      did: 'did:plc:ann',
      rkey: first.rkey,
    });
    const rkeyB = records(db).find((r) => r.postId === b.id)?.rkey;
    repos.posts.delete(b.id);
    expect(rows(db)).toEqual([{ op: 'delete', rkey: rkeyB, postId: null }]);
    expect(records(db).map((r) => r.postId)).toEqual([a.id]);
  });

  it('a refusal waits for Retry; a postponement holds every write of the profile until it is due', async () => {
    const { repos, accounts, outbox, ann, link } = await setup();
    accounts.link(link, new Date(Date.now() - 1000));
    const a = repos.posts.create({ body: 'refused', userId: ann.id });
    repos.posts.create({ body: 'waiting', userId: ann.id });
    const [first] = outbox.due(ann.id, Date.now());
    outbox.refused(first?.id ?? 0, { key: 'publishing.refused' });
    // Kept by its catalog key, so the window shows it in its language even after a restart.
    expect(outbox.states([a.id]).get(a.id)).toEqual({
      state: 'failed',
      reason: 'The server refused this post.',
      sentence: { key: 'publishing.refused' },
    });
    expect(outbox.due(ann.id, Date.now()).map((e) => e.body)).toEqual(['waiting']);
    outbox.postpone(ann.id, Date.now() + 60_000);
    expect(outbox.due(ann.id, Date.now())).toEqual([]);
    expect(outbox.due(ann.id, Date.now() + 60_000)).toHaveLength(1);
    expect(outbox.retry(ann.id, a.id)).toBe(true);
    expect(outbox.due(ann.id, Date.now() + 60_000).map((e) => e.body)).toEqual(['refused', 'waiting']);
  });

  it('one account per profile, one profile per account, http(s) servers only; unlink drops the queue', async () => {
    const { db, repos, accounts, outbox, ann, bob, link } = await setup();
    expect(() => accounts.link({ ...link, pdsUrl: 'file:///etc/passwd' })).toThrow(/https:\/\//);
    expect(() => accounts.link({ ...link, pdsUrl: 'javascript:alert(1)' })).toThrow(/https:\/\//);
    accounts.link(link, new Date(Date.now() - 1000));
    expect(() => accounts.link({ ...link, did: 'did:plc:other' })).toThrow(/already linked to @ann.test/);
    expect(() => accounts.link({ ...link, userId: bob.id })).toThrow(/another profile/);
    expect(accounts.link({ ...link, handle: 'ann.example' }).handle).toBe('ann.example');
    repos.posts.create({ body: 'queued', userId: ann.id });
    expect(outbox.pending(ann.id)).toBe(1);
    expect(accounts.unlink(ann.id)).toBe(true);
    expect(rows(db)).toEqual([]);
    expect(accounts.get(ann.id)).toBeNull();
    repos.posts.create({ body: 'local again', userId: ann.id });
    expect(rows(db)).toEqual([]);
  });

  it('the profile record is queued when a linked profile has a name, about me or picture, and when one changes', async () => {
    const { db, repos, accounts, outbox, ann, bob, link } = await setup();
    const profileRows = () =>
      db.prepare(`SELECT user_id AS userId FROM outbox WHERE op = 'profile' ORDER BY id`).pluck().all();
    accounts.link(link);
    expect(profileRows()).toEqual([]); // nothing to publish: the network's profile stays as it is
    const edit = (userId: number, changes: { displayName: string; aboutMe: string }) =>
      repos.profiles.update(userId, { username: userId === ann.id ? 'ann' : 'bob', email: '', ...changes });
    edit(ann.id, { displayName: 'Ann', aboutMe: '' });
    edit(ann.id, { displayName: 'Ann A.', aboutMe: 'hello' });
    expect(profileRows()).toEqual([ann.id]); // one waiting row, read whole when it is sent
    const [entry] = outbox.due(ann.id, Date.now()).filter((e) => e.op === 'profile');
    if (!entry) throw new Error('no profile row');
    outbox.refused(entry.id, { key: 'publishing.aboutMeTooLong', params: { max: 256 } });
    expect(outbox.profileFailure(ann.id)?.sentence).toEqual({
      key: 'publishing.aboutMeTooLong',
      params: { max: 256 },
    });
    repos.profiles.setAvatar(ann.id, PNG);
    expect(outbox.profileFailure(ann.id)).toBeNull(); // a change sends it again
    expect(outbox.profile(ann.id)).toEqual({
      displayName: 'Ann A.',
      aboutMe: 'hello',
      avatar: expect.any(Uint8Array),
    });
    edit(bob.id, { displayName: 'Bob', aboutMe: '' }); // not linked: stays local
    repos.profiles.touchLastSeen(ann.id);
    expect(profileRows()).toEqual([ann.id]);
  });
});
