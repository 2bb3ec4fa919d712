import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS } from '../../electron/main/publisher/backoff';
import { postRecord } from '../../electron/main/publisher/record';
import { setup } from './publisher-fake';

describe('publisher', () => {
  it('sends each queued post once, oldest first, and marks it published', async () => {
    const { outbox, fake, publisher, post } = await setup();
    const posts = ['one', 'two', 'three'].map(post);
    await publisher.wake();
    await publisher.wake();
    expect(fake.calls.map((c) => c.text)).toEqual(['one', 'two', 'three']);
    expect(fake.repo.size).toBe(3);
    expect([...outbox.states(posts.map((p) => p.id)).values()].map((s) => s.state)).toEqual([
      'published',
      'published',
      'published',
    ]);
    expect(outbox.pending(posts[0]?.userId ?? 0)).toBe(0);
  });

  it('an unreachable PDS postpones the whole queue with growing, jittered waits, then resumes in order', async () => {
    const { ann, outbox, clock, fake, publisher, post } = await setup();
    post('first');
    post('second');
    fake.script.push({ kind: 'unreachable' }, { kind: 'unreachable' });
    await publisher.wake();
    expect(fake.calls).toHaveLength(1);
    const firstWait = (outbox.nextDueAt(ann.id) ?? 0) - clock.now;
    expect(firstWait).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
    await publisher.wake();
    expect(fake.calls).toHaveLength(1);
    clock.now += firstWait;
    await publisher.wake();
    const secondWait = (outbox.nextDueAt(ann.id) ?? 0) - clock.now;
    expect(secondWait).toBeGreaterThan(firstWait);
    clock.now += secondWait;
    await publisher.wake();
    expect(fake.calls.map((c) => c.text)).toEqual(['first', 'first', 'first', 'second']);
    expect(fake.repo.size).toBe(2);
  });

  it('a 429 holds every write until its ratelimit-reset', async () => {
    const { clock, fake, publisher, post } = await setup();
    post('limited');
    const resetAt = clock.now + 30_000;
    fake.script.push({ kind: 'rate-limited', resetAt });
    await publisher.wake();
    clock.now = resetAt - 1;
    await publisher.wake();
    expect(fake.calls).toHaveLength(1);
    clock.now = resetAt + 1_000;
    await publisher.wake();
    expect(fake.calls.map((c) => c.at)).toEqual([resetAt - 30_000, resetAt + 1_000]);
    expect(fake.repo.size).toBe(1);
  });

  it('the network coming back sends a queue that waited out an unreachable PDS at once, not a 429', async () => {
    const { outbox, ann, clock, fake, publisher, post } = await setup();
    post('offline');
    fake.script.push({ kind: 'unreachable' });
    await publisher.wake();
    expect(outbox.nextDueAt(ann.id) ?? 0).toBeGreaterThan(clock.now);
    await publisher.wake();
    expect(fake.calls).toHaveLength(1);
    await publisher.reconnected();
    expect(fake.calls.map((c) => c.text)).toEqual(['offline', 'offline']);
    expect(fake.repo.size).toBe(1);

    post('limited');
    const resetAt = clock.now + 30_000;
    fake.script.push({ kind: 'rate-limited', resetAt });
    await publisher.wake();
    await publisher.reconnected();
    expect(fake.calls).toHaveLength(3);
    clock.now = resetAt + 1_000;
    await publisher.wake();
    expect(fake.calls.map((c) => c.text)).toEqual(['offline', 'offline', 'limited', 'limited']);
  });

  it('a lost session asks for sign-in and keeps the queue; signing in sends it', async () => {
    const { ann, outbox, fake, publisher, post } = await setup();
    post('kept');
    fake.script.push({ kind: 'signed-out', reason: { key: 'publishing.signedOut' } });
    await publisher.wake();
    post('also kept');
    await publisher.wake();
    expect(fake.calls).toHaveLength(1);
    expect(publisher.signInNeeded(ann.id)).toEqual({ key: 'publishing.signedOut' });
    expect(outbox.pending(ann.id)).toBe(2);
    await publisher.signedIn(ann.id);
    expect(publisher.signInNeeded(ann.id)).toBeNull();
    expect(fake.calls.map((c) => c.text)).toEqual(['kept', 'kept', 'also kept']);
    expect(outbox.pending(ann.id)).toBe(0);
  });

  it('a refused post waits for Retry with its reason while the others go out; deletes are published', async () => {
    const { ann, repos, outbox, fake, publisher, post } = await setup();
    const bad = post('refused once');
    const good = post('fine');
    fake.script.push({ kind: 'refused', reason: { key: 'publishing.refused' } });
    await publisher.wake();
    expect(outbox.states([bad.id, good.id]).get(bad.id)).toEqual({
      state: 'failed',
      reason: 'The server refused this post.',
      sentence: { key: 'publishing.refused' },
    });
    expect(fake.repo.size).toBe(1);
    expect(outbox.retry(ann.id, bad.id)).toBe(true);
    await publisher.wake();
    expect(outbox.states([bad.id]).get(bad.id)?.state).toBe('published');
    repos.posts.delete(good.id);
    await publisher.wake();
    expect([...fake.repo.values()].map((r) => r.text)).toEqual(['refused once']);
    expect(fake.calls.at(-1)?.op).toBe('remove');
  });

  it('an edit made while queued goes out; links and tags become facets at their UTF-8 offsets', async () => {
    const { repos, fake, publisher, post } = await setup();
    const p = post('draft text');
    repos.posts.edit(p.id, p.userId, 'café #naïve https://example.org/ok');
    await publisher.wake();
    expect(fake.calls.map((c) => c.text)).toEqual(['café #naïve https://example.org/ok']);
    const built = postRecord('café #naïve https://example.org/ok', p.timestamp);
    if (!built.ok) throw new Error(built.reason.key);
    const spans = built.record.facets?.map((f) => [f.index.byteStart, f.index.byteEnd, f.features[0]?.$type]);
    const bytes = (s: string) => Buffer.byteLength(s);
    expect(spans).toEqual([
      [bytes('café '), bytes('café #naïve'), 'app.bsky.richtext.facet#tag'],
      [bytes('café #naïve '), bytes('café #naïve https://example.org/ok'), 'app.bsky.richtext.facet#link'],
    ]);
  });

  it('creates go out as one commit; a commit whose answer was lost is put again one by one, no duplicate', async () => {
    const { ann, outbox, fake, publisher, post } = await setup(true);
    const posts = ['a', 'b', 'c'].map(post);
    // The PDS committed the batch, then the answer was lost.
    const commit = fake.transport.createMany;
    if (!commit) throw new Error('no batches');
    fake.transport.createMany = async (userId, writes) => {
      await commit(userId, writes);
      fake.transport.createMany = commit;
      return { kind: 'unreachable' };
    };
    await publisher.wake();
    expect(outbox.pending(ann.id)).toBe(3);
    outbox.postpone(ann.id, 0);
    await publisher.wake();
    expect(fake.batches.map((b) => b.join())).toEqual(['a,b,c']);
    expect(fake.calls.map((c) => c.text)).toEqual(['a', 'b', 'c']);
    expect(fake.repo.size).toBe(3);
    expect([...outbox.states(posts.map((p) => p.id)).values()].every((s) => s.state === 'published')).toBe(
      true,
    );
  });

  it('a profile change goes to the profile record; a refusal waits, with its reason, for the next change', async () => {
    const { ann, repos, outbox, fake, publisher } = await setup();
    const edit = (displayName: string) =>
      repos.profiles.update(ann.id, { username: 'ann', displayName, aboutMe: '', email: '' });
    edit('Ann');
    fake.script.push({ kind: 'refused', reason: { key: 'publishing.profileRefused' } });
    await publisher.wake();
    expect(outbox.profileFailure(ann.id)?.reason).toBe('The server refused the profile.');
    await publisher.wake();
    edit('Ann B.');
    await publisher.wake();
    expect(fake.calls.map((c) => [c.op, c.text])).toEqual([
      ['profile', 'Ann'],
      ['profile', 'Ann B.'],
    ]);
    expect(outbox.profileFailure(ann.id)).toBeNull();
    expect(outbox.pending(ann.id)).toBe(0);
  });
});
