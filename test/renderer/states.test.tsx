import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../renderer/app/ErrorBoundary';
import { ProfilePage } from '../../renderer/pages/ProfilePage';
import { TimelinePage } from '../../renderer/pages/TimelinePage';
import { UsersPage } from '../../renderer/pages/UsersPage';
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

describe('empty, error and crash states', () => {
  it('says "No posts yet." on an empty timeline, under a usable composer', async () => {
    installFakeApi({
      posts: { timeline: () => ok({ items: [], nextCursor: null }) },
      drafts: { get: () => ok(null) },
    });
    render(withQueryClient(<TimelinePage user={ann} />));
    expect(await screen.findByText('No posts yet.')).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'New post' })).toBeTruthy();
  });

  it('says "No posts yet." on a profile without posts, with its count', async () => {
    installFakeApi({
      users: { get: () => ok({ ...ann, ...PROFILE_EXTRAS, postCount: 0, followers: 0, following: 0 }) },
      posts: { byUser: () => ok({ items: [], nextCursor: null }) },
    });
    render(withQueryClient(<ProfilePage username="ann" activeUser={ann} />));
    expect(await screen.findByText('No posts yet.')).toBeTruthy();
    expect(screen.getByText('0 posts')).toBeTruthy();
  });

  it('says when there are no profiles, and when no username or email contains the filter', async () => {
    installFakeApi({ search: { users: () => ok([]) } });
    render(withQueryClient(<UsersPage activeUser={ann} />));
    expect(await screen.findByText('No profiles yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'zz' } });
    expect(await screen.findByText('No username or email contains “zz”.')).toBeTruthy();
  });

  it('shows a failed load as a readable message with a retry', async () => {
    installFakeApi({
      posts: {
        timeline: () =>
          fail({ code: 'DATABASE_BUSY', message: 'The database is busy. Try again in a moment.' }),
      },
      drafts: { get: () => ok(null) },
    });
    render(withQueryClient(<TimelinePage user={ann} />));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is busy. Try again in a moment.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('turns a render crash into a message instead of a blank window', () => {
    const Broken = () => {
      throw new Error('The list could not be drawn.');
    };
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>,
      );
    } finally {
      console.error = quiet;
    }
    expect(screen.getByRole('alert').textContent).toContain('The list could not be drawn.');
    expect(screen.getByRole('button', { name: 'Reload the window' })).toBeTruthy();
  });
});
