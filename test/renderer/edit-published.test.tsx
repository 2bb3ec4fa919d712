import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus, Post, PublishState, TimelinePost } from '../../electron/ipc/contract';
import { TimelinePage } from '../../renderer/pages/TimelinePage';
import { installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ann = { id: 1, username: 'ann', email: null, hasPassword: false, displayName: null, hasAvatar: false };
const DID = 'did:plc:ann4567abcdefghijklmnop';
const linked: AccountStatus = {
  linked: { did: DID, handle: 'ann.test', pdsUrl: 'https://pds.example' },
  pending: 0,
  earlier: 0,
  signInNeeded: null,
};
const post = (id: number, body: string): TimelinePost => ({
  id,
  body,
  userId: ann.id,
  username: ann.username,
  timestamp: new Date(Date.now() - id * 60_000).toISOString(),
  editedAt: null,
});
const STATES: Record<number, PublishState> = {
  1: { state: 'queued', attempts: 0 },
  2: { state: 'published', did: DID, rkey: '3lzyxwvutsr22' },
};

/** Ann's queued post 1 and published post 2; `calls` records every write in order. */
function fakeMain() {
  const calls: string[] = [];
  const create = vi.fn(({ body }: { body: string }) => {
    calls.push('create');
    return ok<Post>({ ...post(3, body), timestamp: new Date().toISOString() });
  });
  const remove = vi.fn(({ postId }: { postId: number }) => {
    calls.push('delete');
    return ok({ postId });
  });
  const edit = vi.fn(() => ok<Post>(post(2, 'edited')));
  installFakeApi({
    posts: {
      timeline: () => ok({ items: [post(1, 'still queued'), post(2, 'already out')], nextCursor: null }),
      create,
      delete: remove,
      edit,
    },
    drafts: { get: () => ok(null) },
    accounts: {
      get: () => ok(linked),
      postStates: ({ postIds }) =>
        ok(postIds.flatMap((postId) => (STATES[postId] ? [{ postId, state: STATES[postId] }] : []))),
    },
  });
  return { calls, create, remove, edit };
}

/** Opens the edit form of the post holding `body`, once its state is shown. */
async function editPost(body: string, stateText: RegExp): Promise<HTMLElement> {
  render(withQueryClient(<TimelinePage user={ann} />));
  await screen.findByText(body);
  const item = screen.getAllByRole('article').find((a) => a.textContent?.includes(body)) as HTMLElement;
  await within(item).findAllByText(stateText);
  fireEvent.click(within(item).getByRole('button', { name: /^Edit post from/ }));
  return screen.getByRole('form', { name: 'Edit post' });
}

describe('editing a published post', () => {
  it('says the published copy keeps its old text, and describes the box with it', async () => {
    fakeMain();
    const form = await editPost('already out', /^Published$/);
    const notice = within(form).getByText(/Bluesky has no edit, so the published copy keeps its old text/);
    const box = within(form).getByRole('textbox', { name: 'Post text' });
    expect(box.getAttribute('aria-describedby')?.split(' ')).toContain(notice.id);
    expect(within(form).getByRole('button', { name: 'Delete and post again' })).toBeTruthy();
  });

  it('says nothing on a queued post: its create sends the text as it is when it goes out', async () => {
    fakeMain();
    const form = await editPost('still queued', /^Waiting to publish$/);
    expect(within(form).queryByText(/Bluesky has no edit/)).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Delete and post again' })).toBeNull();
  });

  it('Delete and post again asks first, then posts the new text and deletes the old post', async () => {
    const { calls, create, remove, edit } = fakeMain();
    const form = await editPost('already out', /^Published$/);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Post text' }), {
      target: { value: 'already out, corrected' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Delete and post again' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete and post again?' });
    expect(dialog.textContent).toContain(
      'This text is posted as a new post, now, and the old post is deleted, here and on Bluesky.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual([]);
    fireEvent.click(within(form).getByRole('button', { name: 'Delete and post again' }));
    dialog = screen.getByRole('dialog', { name: 'Delete and post again?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete and post again' }));
    await vi.waitFor(() => expect(calls).toEqual(['create', 'delete']));
    expect(create).toHaveBeenCalledWith({
      userId: ann.id,
      body: 'already out, corrected',
      key: expect.any(String),
    });
    expect(remove).toHaveBeenCalledWith({ postId: 2, userId: ann.id, key: expect.any(String) });
    expect(edit).not.toHaveBeenCalled();
    // The new post is on top of the feed; the old one is gone.
    await vi.waitFor(() => expect(screen.queryByText('already out')).toBeNull());
    const bodies = screen.getAllByRole('article').map((a) => a.querySelector('.post-body')?.textContent);
    expect(bodies).toEqual(['already out, corrected', 'still queued']);
  });
});
