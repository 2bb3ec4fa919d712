import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelinePost } from '../../electron/ipc/contract';
import { ProfileSwitcher } from '../../renderer/components/ProfileSwitcher';
import { ChooseProfilePage } from '../../renderer/pages/ChooseProfilePage';
import { ProfilePage } from '../../renderer/pages/ProfilePage';
import { TimelinePage } from '../../renderer/pages/TimelinePage';
import { UsersPage } from '../../renderer/pages/UsersPage';
import { PROFILE_EXTRAS, installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ann = {
  id: 1,
  username: 'ann',
  email: 'ann@example.com',
  hasPassword: false,
  displayName: null,
  hasAvatar: false,
};
const bob = {
  id: 2,
  username: 'bob',
  email: 'bob@example.com',
  hasPassword: true,
  displayName: null,
  hasAvatar: false,
};
const post = (id: number, user: typeof ann, body: string): TimelinePost => ({
  id,
  body,
  userId: user.id,
  username: user.username,
  timestamp: new Date(Date.now() - id * 60_000).toISOString(),
  editedAt: null,
});

describe('PostFeed on the timeline and on a profile page', () => {
  it('offers Delete on the active profile’s own posts only, and deletes after the confirm', async () => {
    const remove = vi.fn(() => ok({ postId: 1 }));
    installFakeApi({
      posts: {
        timeline: () => ok({ items: [post(1, ann, 'mine'), post(2, bob, 'theirs')], nextCursor: null }),
        delete: remove,
      },
      drafts: { get: () => ok(null) },
    });
    render(withQueryClient(<TimelinePage user={ann} />));
    const mine = await screen.findByRole('article', { name: 'Post by ann' });
    const theirs = screen.getByRole('article', { name: 'Post by bob' });
    expect(within(theirs).queryByRole('button', { name: /Delete post/ })).toBeNull();
    fireEvent.click(within(mine).getByRole('button', { name: /Delete post/ }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this post?' });
    expect(dialog.textContent).toContain('“mine” will be removed. You can undo it for a few seconds.');
    expect(remove).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete post' }));
    await vi.waitFor(() =>
      expect(remove).toHaveBeenCalledWith({
        postId: 1,
        userId: ann.id,
        key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    );
  });

  it('names the profile’s author on every post, and offers Delete only on your own page', async () => {
    const byUser = () => ok({ items: [post(3, bob, 'from bob')], nextCursor: null });
    installFakeApi({
      users: { get: () => ok({ ...bob, ...PROFILE_EXTRAS, postCount: 1, followers: 0, following: 0 }) },
      posts: { byUser },
    });
    render(withQueryClient(<ProfilePage username="bob" activeUser={ann} />));
    const article = await screen.findByRole('article', { name: 'Post by bob' });
    expect(screen.getByRole('feed', { name: 'Posts by bob' })).toBeTruthy();
    expect(within(article).queryByRole('button', { name: /Delete post/ })).toBeNull();
    cleanup();
    render(withQueryClient(<ProfilePage username="bob" activeUser={bob} />));
    const own = await screen.findByRole('article', { name: 'Post by bob' });
    expect(within(own).getByRole('button', { name: /Delete post/ })).toBeTruthy();
  });
});

describe('ProfileRow in the three user lists', () => {
  it('the directory links each profile, with email, Password badge and You', async () => {
    installFakeApi({
      search: { users: () => ok([ann, bob].map((user) => ({ ...user, followed: false }))) },
    });
    render(withQueryClient(<UsersPage activeUser={ann} />));
    const row = await screen.findByRole('link', { name: /^ann/ });
    expect(row.getAttribute('href')).toBe('#/u/ann');
    // The picture is decorative (alt=""): the row's text is the name, the email and the badge.
    expect(row.textContent).toBe('annann@example.comYou');
    expect(row.querySelector('img.avatar')?.getAttribute('alt')).toBe('');
    expect(row.getAttribute('aria-current')).toBe('true');
    const other = screen.getByRole('link', { name: /^bob/ });
    expect(other.textContent).toBe('bobbob@example.comPassword');
    expect(other.getAttribute('aria-current')).toBeNull();
    // Follow is offered on someone else's row only.
    expect(screen.getByRole('button', { name: 'Follow bob' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Follow ann' })).toBeNull();
  });

  it('the chooser makes a profile active when its row is pressed', async () => {
    const activate = vi.fn(() => ok({ activeUser: ann, locked: false }));
    installFakeApi({ users: { list: () => ok([ann, bob]) }, session: { activate } });
    // jsdom lays nothing out; the virtual list needs a box with a height to render rows into.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
    render(withQueryClient(<ChooseProfilePage locked={null} />));
    fireEvent.click(await screen.findByRole('button', { name: 'ann' }));
    await vi.waitFor(() => expect(activate).toHaveBeenCalledWith({ userId: ann.id }));
    expect(screen.getByRole('button', { name: /^bob/ }).textContent).toBe('bobPassword');
    // Typing in the filter leaves only the matching profiles.
    fireEvent.change(screen.getByLabelText('Filter profiles'), { target: { value: 'BO' } });
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'ann' })).toBeNull());
    expect(screen.getByRole('button', { name: /^bob/ })).toBeTruthy();
  });

  it('the switcher marks the active profile and switches to another', async () => {
    const activate = vi.fn(() => ok({ activeUser: bob, locked: false }));
    installFakeApi({ users: { list: () => ok([ann, bob]) }, session: { activate } });
    render(withQueryClient(<ProfileSwitcher activeUser={ann} />));
    fireEvent.click(screen.getByRole('button', { name: /Switch profile/ }));
    const active = await screen.findByRole('menuitem', { name: /^ann/ });
    expect(active.textContent).toBe('annActive');
    expect(active.getAttribute('aria-current')).toBe('true');
    // A real menu: focus starts on the first item, arrows move it, Escape closes it.
    await vi.waitFor(() => expect(document.activeElement).toBe(active));
    const other = screen.getByRole('menuitem', { name: /^bob/ });
    fireEvent.keyDown(active, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(other);
    fireEvent.keyDown(other, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Add another profile…' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(active);
    expect(other.textContent).toBe('bobPassword');
    expect(other.getAttribute('aria-current')).toBeNull();
    fireEvent.click(other);
    await vi.waitFor(() => expect(activate).toHaveBeenCalledWith({ userId: bob.id }));
  });
});
