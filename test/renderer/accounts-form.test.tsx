/** Settings → Accounts, unlinked: the sign-in form's own checks, main's refusals, busy and offline. */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus, IpcError, Result } from '../../electron/ipc/contract';
import { UNLINKED, type SignIn, errorOf, field, fillAndLink, linked, showPanel } from './accounts-panel';
import { fail, ok } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('linking from Settings → Accounts', () => {
  it('says what linking does, with an app password field that hides what is typed', async () => {
    showPanel(UNLINKED);
    await screen.findByRole('form', { name: 'Sign in to your account' });
    expect(screen.getByText(/published there: public, for anyone to read/)).toBeTruthy();
    expect(field('App password').getAttribute('type')).toBe('password');
    expect(screen.getByText(/make an app password for Microblog in Bluesky/)).toBeTruthy();
  });

  it('shows every missing field at once, next to each, focuses the first and sends nothing', async () => {
    const signIn = vi.fn<SignIn>(() => ok(linked()));
    showPanel(UNLINKED, { signIn });
    await fillAndLink({ server: 'ftp://pds.example.com' });
    expect(errorOf(field('Handle or DID'))).toBe('Enter your handle (like alice.bsky.social) or DID.');
    expect(errorOf(field('App password'))).toBe('Enter an app password (made in your account settings).');
    expect(errorOf(field('Server (optional)'))).toMatch(/starting with https:\/\//);
    expect(field('Handle or DID').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Handle or DID'));
    expect(signIn).not.toHaveBeenCalled();
    fireEvent.change(field('Handle or DID'), { target: { value: 'ann.bsky.social' } });
    expect(errorOf(field('Handle or DID'))).toBeUndefined();
  });

  it('sends the trimmed handle and no server when the field is empty, then shows the link', async () => {
    const signIn = vi.fn<SignIn>(() => ok(linked({ earlier: 2 })));
    showPanel(UNLINKED, { signIn });
    await fillAndLink({ handle: '  ann.bsky.social ', password: 'abcd-efgh-ijkl-mnop' });
    await screen.findByText('@ann.bsky.social');
    expect(signIn).toHaveBeenCalledWith({
      userId: 1,
      identifier: 'ann.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
    });
    expect(screen.getByText('did:plc:ann123')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish my 2 earlier posts…' })).toBeTruthy();
  });

  it('shows a busy button while signing in', async () => {
    let answer: (value: Result<AccountStatus>) => void = () => undefined;
    const signIn = vi.fn<SignIn>(() => new Promise((resolve) => (answer = resolve)));
    showPanel(UNLINKED, { signIn });
    await fillAndLink({ handle: 'ann.test', password: 'secret', server: 'http://127.0.0.1:2583' });
    const busy = await screen.findByRole('button', { name: 'Signing in…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(signIn.mock.calls[0]?.[0].pdsUrl).toBe('http://127.0.0.1:2583');
    answer({ ok: true, value: linked() });
    await screen.findByText('@ann.bsky.social');
  });

  it.each<[string, IpcError, string]>([
    [
      'App password',
      {
        code: 'WRONG_PASSWORD',
        message: 'That handle and app password do not match an account on this server.',
        field: 'password',
      },
      'That handle and app password do not match an account on this server.',
    ],
    [
      'Server (optional)',
      {
        code: 'INVALID_INPUT',
        message: 'Could not reach the server at https://bsky.social. Check the address and your connection.',
        field: 'pdsUrl',
      },
      'Could not reach the server at https://bsky.social. Check the address and your connection.',
    ],
  ])('puts main’s refusal next to %s and focuses it', async (label, error, sentence) => {
    showPanel(UNLINKED, { signIn: () => fail(error) });
    await fillAndLink({ handle: 'ann.bsky.social', password: 'wrong' });
    await vi.waitFor(() => expect(errorOf(field(label))).toBe(sentence));
    expect(document.activeElement).toBe(field(label));
  });

  it('says so when the computer is offline, without asking main', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const signIn = vi.fn<SignIn>(() => ok(linked()));
    showPanel(UNLINKED, { signIn });
    await fillAndLink({ handle: 'ann.bsky.social', password: 'secret' });
    expect(screen.getByRole('alert').textContent).toBe(
      'This computer is offline. Linking needs to reach the server once; connect and try again.',
    );
    expect(signIn).not.toHaveBeenCalled();
  });
});
