/** A PDS stand-in for the publisher's unit tests, and a linked profile on a migrated database. */
import type { AppBskyFeedPost } from '@atproto/api';
import { createAccountRepository } from '../../electron/db/accounts';
import { createOutboxRepository } from '../../electron/db/outbox';
import type { SendOutcome } from '../../electron/main/publisher/outcome';
import { createPublisher, type PublishTransport } from '../../electron/main/publisher/publisher';
import { afterThisTest, migratedDb } from '../fixtures/index';

type Call = { op: 'put' | 'remove' | 'profile'; rkey: string; text?: string; at: number };

/** A PDS stand-in: answers each call with the next scripted outcome (then success), and records it. */
function fakeTransport(clock: { now: number }) {
  const script: SendOutcome[] = [];
  const calls: Call[] = [];
  const repo = new Map<string, AppBskyFeedPost.Record>();
  const answer = (): SendOutcome => script.shift() ?? { kind: 'done', cid: `bafy${calls.length}` };
  const transport: PublishTransport = {
    async put(_userId, rkey, record) {
      calls.push({ op: 'put', rkey, text: record.text, at: clock.now });
      const outcome = answer();
      if (outcome.kind === 'done') repo.set(rkey, record);
      return outcome;
    },
    async remove(_userId, rkey) {
      calls.push({ op: 'remove', rkey, at: clock.now });
      const outcome = answer();
      if (outcome.kind === 'done') repo.delete(rkey);
      return outcome;
    },
    async profile(_userId, local) {
      calls.push({ op: 'profile', rkey: 'self', text: local.displayName ?? '', at: clock.now });
      return answer();
    },
  };
  return { transport, script, calls, repo };
}

/** The same stand-in that also commits batches: all or none, refused whole when a key exists. */
function batchingTransport(clock: { now: number }) {
  const fake = fakeTransport(clock);
  const batches: string[][] = [];
  fake.transport.createMany = async (_userId, writes) => {
    batches.push(writes.map((w) => w.record.text));
    const outcome = fake.script.shift();
    if (outcome && outcome.kind !== 'done') return outcome;
    if (writes.some((w) => fake.repo.has(w.rkey)))
      return { kind: 'refused', reason: { key: 'publishing.refused' } };
    for (const w of writes) fake.repo.set(w.rkey, w.record);
    return { kind: 'done', cids: writes.map((w) => `bafy-${w.rkey}`) };
  };
  return { ...fake, batches };
}

/** ann, linked, with a publisher on a clock the test moves; `post` writes one of her posts. */
export async function setup(batching = false) {
  const { db, repos } = await migratedDb();
  const accounts = createAccountRepository(db);
  const outbox = createOutboxRepository(db);
  const ann = repos.users.create({ username: 'ann' });
  accounts.link(
    { userId: ann.id, did: 'did:plc:ann', handle: 'ann.test', pdsUrl: 'http://127.0.0.1:1' },
    new Date(Date.now() - 60_000),
  );
  const clock = { now: Date.now() };
  const fake: ReturnType<typeof batchingTransport> = batching
    ? batchingTransport(clock)
    : { ...fakeTransport(clock), batches: [] };
  const publisher = createPublisher({
    outbox,
    accounts,
    transport: fake.transport,
    now: () => clock.now,
    random: () => 0.5,
  });
  afterThisTest(() => void publisher.stop());
  const post = (body: string) => repos.posts.create({ body, userId: ann.id });
  return { repos, outbox, ann, clock, fake, publisher, post };
}
