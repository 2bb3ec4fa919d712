import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, Session, User } from '../../electron/ipc/contract';
import { useSession } from '../../renderer/api/session';
import { ProfilePage } from '../../renderer/pages/ProfilePage';
import { PROFILE_EXTRAS, fail, installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const ana: User = {
  id: 1,
  username: 'ana',
  email: null,
  hasPassword: false,
  displayName: null,
  hasAvatar: false,
};
const renamed: User = { ...ana, username: 'ana-maria', displayName: 'Ana María' };

/** Something else on screen that a rename refreshes too: the top bar reads the session. */
function SessionReader() {
  useSession();
  return null;
}

describe('renaming yourself on your profile page', () => {
  it('moves to the new name, and never says the profile is gone, whichever answer comes last', async () => {
    let name = 'ana';
    let sessionReads = 0;
    let answerSession: (result: Result<Session>) => void = () => {};
    installFakeApi({
      users: {
        // Main answers by the current name only: once renamed, 'ana' is no one.
        get: ({ username }) =>
          username === name
            ? ok({
                ...(name === 'ana' ? ana : renamed),
                ...PROFILE_EXTRAS,
                postCount: 0,
                followers: 0,
                following: 0,
              })
            : fail({ code: 'USER_NOT_FOUND', message: `There is no profile named ${username}.` }),
        update: () => {
          name = 'ana-maria';
          return ok(renamed);
        },
      },
      // The session's refetch after the rename answers only when the test says so.
      session: {
        get: () =>
          sessionReads++ === 0
            ? ok({ activeUser: ana, locked: false })
            : new Promise((resolve) => (answerSession = resolve)),
      },
      posts: { byUser: () => ok({ items: [], nextCursor: null }) },
    });
    render(
      withQueryClient(
        <>
          <SessionReader />
          <ProfilePage username="ana" activeUser={ana} />
        </>,
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit profile' }));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ana-maria' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(sessionReads).toBe(2));
    // Every other refresh has answered; the page under the old name must still be the form.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText('There is no profile named ana.')).toBeNull();
    act(() => answerSession({ ok: true, value: { activeUser: renamed, locked: false } }));
    await waitFor(() => expect(window.location.hash).toBe('#/u/ana-maria'));
  });
});
