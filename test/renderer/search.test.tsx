import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../electron/ipc/contract';
import { TimelinePage } from '../../renderer/pages/TimelinePage';
import { SearchPage } from '../../renderer/pages/SearchPage';
import { PROFILE_EXTRAS, fail, installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(cleanup);

const ann = {
  id: 1,
  username: 'ann',
  email: 'ann@example.com',
  hasPassword: false,
  displayName: null,
  hasAvatar: false,
};
const page = <T,>(items: T[]) => ok({ items, nextCursor: null });

describe('the timeline tabs', () => {
  it('start on Everyone for a profile that follows no one, and on Following once it follows someone', async () => {
    const feed = vi.fn(() => page([]));
    installFakeApi({
      users: { get: () => ok({ ...ann, ...PROFILE_EXTRAS, postCount: 0, followers: 0, following: 0 }) },
      posts: { timeline: () => page([]) },
      feed: { following: feed },
      drafts: { get: () => ok(null) },
    });
    render(withQueryClient(<TimelinePage user={ann} />));
    expect(await screen.findByRole('button', { name: 'Everyone', pressed: true })).toBeTruthy();
    expect(feed).not.toHaveBeenCalled();
    cleanup();
    installFakeApi({
      users: { get: () => ok({ ...ann, ...PROFILE_EXTRAS, postCount: 0, followers: 0, following: 3 }) },
      posts: { timeline: () => page([]) },
      feed: { following: feed },
      drafts: { get: () => ok(null) },
    });
    render(withQueryClient(<TimelinePage user={ann} />));
    expect(await screen.findByRole('button', { name: 'Following', pressed: true })).toBeTruthy();
    await vi.waitFor(() => expect(feed).toHaveBeenCalled());
  });
});

describe('search results', () => {
  it('mark the matched ranges as text and show the app’s sentence for a refused query', async () => {
    const hit: SearchHit = {
      id: 1,
      userId: 1,
      username: 'ann',
      body: '<b>SQLite</b> rocks',
      timestamp: new Date().toISOString(),
      editedAt: null,
      highlights: [[3, 9]],
    };
    installFakeApi({ search: { posts: () => page([hit]) } });
    render(withQueryClient(<SearchPage query="sqlite" activeUser={ann} />));
    const mark = await screen.findByText('SQLite', { selector: 'mark' });
    expect(mark.parentElement?.textContent).toBe('<b>SQLite</b> rocks');
    expect(document.querySelector('.post-body b')).toBeNull();
    cleanup();
    installFakeApi({
      search: { posts: () => fail({ code: 'INVALID_INPUT', message: 'Type a word to search for.' }) },
    });
    render(withQueryClient(<SearchPage query="*" activeUser={ann} />));
    expect(await screen.findByText('Type a word to search for.')).toBeTruthy();
  });
});
