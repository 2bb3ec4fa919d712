import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus, PublishState, TimelinePost } from '../../electron/ipc/contract';
import { buildMicroblogEvents } from '../../electron/ipc/events';
import { usePublishingUpdates } from '../../renderer/api/publishing';
import { TimelinePage } from '../../renderer/pages/TimelinePage';
import { installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ann = { id: 1, username: 'ann', email: null, hasPassword: false, displayName: null, hasAvatar: false };
const bob = { ...ann, id: 2, username: 'bob' };
const DID = 'did:plc:ann4567abcdefghijklmnop';

const post = (id: number, user: typeof ann, body: string): TimelinePost => ({
  id,
  body,
  userId: user.id,
  username: user.username,
  timestamp: new Date(Date.now() - id * 60_000).toISOString(),
  editedAt: null,
});

const linked: AccountStatus = {
  linked: { did: DID, handle: 'ann.test', pdsUrl: 'https://pds.example' },
  pending: 1,
  earlier: 1,
  signInNeeded: null,
};
const unlinked: AccountStatus = { linked: null, pending: 0, earlier: 0, signInNeeded: null };

/** Ann's posts in every state, and one of bob's, who is not linked. */
const POSTS = [
  post(1, ann, 'written before linking'),
  post(2, ann, 'not sent yet'),
  post(3, ann, 'the network was down'),
  post(4, ann, 'out there'),
  post(5, ann, 'refused'),
  post(6, bob, 'bob keeps it local'),
];
const STATES: Record<number, PublishState> = {
  1: { state: 'local' },
  2: { state: 'queued', attempts: 0 },
  3: { state: 'queued', attempts: 2 },
  4: { state: 'published', did: DID, rkey: '3lzyxwvutsr22' },
  5: {
    state: 'failed',
    reason: 'The server refused this post: Record/text must not be longer than 300 graphemes.',
  },
  6: { state: 'local' },
};

/** A fake main with these posts, their states (changeable) and the account status given. */
function fakeMain(
  status: AccountStatus,
  states: Record<number, PublishState> = { ...STATES },
  retry: () => ReturnType<typeof ok<{ retried: boolean }>> = () => ok({ retried: true }),
) {
  const postStates = vi.fn(({ postIds }: { postIds: number[] }) =>
    ok(postIds.flatMap((postId) => (states[postId] ? [{ postId, state: states[postId] }] : []))),
  );
  const open = vi.fn(() => ok({ opened: true as const }));
  installFakeApi({
    posts: { timeline: () => ok({ items: POSTS, nextCursor: null }) },
    drafts: { get: () => ok(null) },
    accounts: { get: () => ok(status), postStates, retry },
    links: { open },
  });
  return { states, postStates, open };
}

/** The post whose text holds `body`, once the feed shows it. */
const article = (body: string): HTMLElement =>
  screen.getAllByRole('article').find((item) => item.textContent?.includes(body)) as HTMLElement;

/** The timeline with the app's listener of publishing:changed beside it, as App mounts it. */
function Timeline() {
  usePublishingUpdates();
  return <TimelinePage user={ann} />;
}

/** Renders ann's timeline and waits for its posts. */
async function showTimeline(): Promise<void> {
  render(withQueryClient(<Timeline />));
  await screen.findByText('bob keeps it local');
}

describe('each post’s publish state', () => {
  it('shows local, waiting (with attempts), published and failed on a linked profile’s posts, nothing on an unlinked one’s', async () => {
    const { postStates } = fakeMain(linked);
    await showTimeline();
    expect(await within(article('before linking')).findByText('Only on this computer')).toBeTruthy();
    expect(within(article('not sent yet')).getByText('Waiting to publish')).toBeTruthy();
    expect(within(article('network was down')).getByText('Waiting to publish · 2 attempts')).toBeTruthy();
    expect(
      within(article('out there')).getByRole('link', { name: 'Published: open it on Bluesky' }),
    ).toBeTruthy();
    const failed = article('refused');
    expect(within(failed).getByText('Not published')).toBeTruthy();
    expect(failed.textContent).toContain(
      'The server refused this post: Record/text must not be longer than 300 graphemes.',
    );
    expect(within(failed).getByRole('button', { name: /^Retry publishing the post from / })).toBeTruthy();
    // Bob is not linked: his post says nothing about publishing.
    const bobs = article('bob keeps it local');
    expect(bobs.querySelector('.post-state, .post-failure')).toBeNull();
    // One call for the page on screen, with the page's ids, not one call per post.
    expect(postStates).toHaveBeenCalledTimes(1);
    expect(postStates).toHaveBeenCalledWith({ postIds: [1, 2, 3, 4, 5, 6] });
  });

  it('says nothing about posts of an active profile that is not linked', async () => {
    const states = Object.fromEntries(POSTS.map((p): [number, PublishState] => [p.id, { state: 'local' }]));
    const { postStates } = fakeMain(unlinked, states);
    await showTimeline();
    await vi.waitFor(() => expect(postStates).toHaveBeenCalled());
    expect(screen.queryByText('Only on this computer')).toBeNull();
    expect(document.querySelector('.post-state')).toBeNull();
  });

  it('opens the published copy on bsky.app through links:open; the window itself never navigates', async () => {
    const { open } = fakeMain(linked);
    await showTimeline();
    const link = await within(article('out there')).findByRole('link', { name: /^Published/ });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(open).toHaveBeenCalledWith({ url: `https://bsky.app/profile/${DID}/post/3lzyxwvutsr22` });
  });

  it('Retry sends the post again: busy while main works, then the post is waiting again', async () => {
    let answer: (value: { ok: true; value: { retried: boolean } }) => void = () => undefined;
    const retry = vi.fn(
      () => new Promise<{ ok: true; value: { retried: boolean } }>((resolve) => (answer = resolve)),
    );
    const { states, postStates } = fakeMain(linked, { ...STATES }, retry);
    await showTimeline();
    const button = await within(article('refused')).findByRole('button', { name: /^Retry publishing/ });
    button.focus();
    fireEvent.click(button);
    await vi.waitFor(() => expect(retry).toHaveBeenCalledWith({ userId: ann.id, postId: 5 }));
    expect(button.textContent).toBe('Retrying…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(retry).toHaveBeenCalledTimes(1);
    states[5] = { state: 'queued', attempts: 1 };
    const before = postStates.mock.calls.length;
    answer({ ok: true, value: { retried: true } });
    expect(await within(article('refused')).findByText('Waiting to publish · 1 attempt')).toBeTruthy();
    expect(article('refused').querySelector('.post-failure')).toBeNull();
    // Retry went with the failure; the focus it had is on its post.
    expect(document.activeElement).toBe(article('refused'));
    expect(postStates.mock.calls.length).toBe(before + 1);
  });

  it('offers Retry only on the active profile’s own posts', async () => {
    const states = { ...STATES, 6: { state: 'failed', reason: 'Refused.' } as PublishState };
    fakeMain(linked, states);
    await showTimeline();
    const bobs = article('bob keeps it local');
    expect(await within(bobs).findByText('Refused.')).toBeTruthy();
    expect(within(bobs).queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it('reads the states again on publishing:changed for a profile on screen, and only then', async () => {
    let deliver: (message: unknown) => void = () => undefined;
    const events = buildMicroblogEvents((listener) => (deliver = listener));
    Object.defineProperty(window, 'microblogEvents', { value: events, configurable: true });
    const { states, postStates } = fakeMain(linked);
    await showTimeline();
    await within(article('not sent yet')).findByText('Waiting to publish');
    deliver({ name: 'publishing:changed', payload: { userIds: [99] } });
    deliver({ name: 'db:damaged', payload: { detail: 'x' } });
    expect(postStates).toHaveBeenCalledTimes(1);
    states[2] = { state: 'published', did: DID, rkey: '3lzyxwvutsr23' };
    deliver({ name: 'publishing:changed', payload: { userIds: [ann.id] } });
    await vi.waitFor(() => expect(postStates).toHaveBeenCalledTimes(2));
    expect(await within(article('not sent yet')).findByRole('link', { name: /^Published/ })).toBeTruthy();
    expect(postStates).toHaveBeenCalledTimes(2);
    Object.defineProperty(window, 'microblogEvents', { value: undefined, configurable: true });
  });
});
