import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountStatus, IpcError, Result } from '../../electron/ipc/contract';
import { i18n } from '../../renderer/i18n/index';
import { AccountsPanel } from '../../renderer/pages/settings/AccountsPanel';
import { fail, installFakeApi, ok, withQueryClient } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ann = { id: 1, username: 'ann', email: null, hasPassword: false, displayName: null, hasAvatar: false };
const UNLINKED: AccountStatus = { linked: null, pending: 0, earlier: 0, signInNeeded: null };
const link = { did: 'did:plc:ann123', handle: 'ann.bsky.social', pdsUrl: 'https://bsky.social' };
const linked = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  linked: link,
  pending: 0,
  earlier: 0,
  signInNeeded: null,
  ...over,
});

type SignIn = (input: {
  userId: number;
  identifier: string;
  appPassword: string;
  pdsUrl?: string;
}) => Promise<Result<AccountStatus>>;

function showPanel(status: AccountStatus, calls: { signIn?: SignIn; [name: string]: unknown } = {}) {
  installFakeApi({ accounts: { get: () => ok(status), ...calls } });
  render(withQueryClient(<AccountsPanel user={ann} />));
}

const field = (name: string) => screen.getByLabelText(name);
const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((node) => node?.classList.contains('field-error'))?.textContent;

async function fillAndLink(values: { handle?: string; password?: string; server?: string }) {
  await screen.findByRole('form', { name: 'Sign in to your account' });
  if (values.handle !== undefined)
    fireEvent.change(field('Handle or DID'), { target: { value: values.handle } });
  if (values.password !== undefined)
    fireEvent.change(field('App password'), { target: { value: values.password } });
  if (values.server !== undefined)
    fireEvent.change(field('Server (optional)'), { target: { value: values.server } });
  fireEvent.click(screen.getByRole('button', { name: 'Link account' }));
}

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

describe('a linked profile', () => {
  it('counts what waits, and asks to sign in again with the form when the session is gone', async () => {
    const sentence = 'The server no longer accepts this sign-in. Sign in again; your queued posts are kept.';
    const signIn = vi.fn<SignIn>(() => ok(linked({ pending: 3 })));
    showPanel(linked({ pending: 3, signInNeeded: sentence }), { signIn });
    await screen.findByText('3 posts waiting to publish');
    expect(screen.getByRole('alert').textContent).toBe(sentence);
    expect((field('Handle or DID') as HTMLInputElement).value).toBe('ann.bsky.social');
    fireEvent.change(field('App password'), { target: { value: 'new-app-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull());
    expect(signIn.mock.calls[0]?.[0]).toMatchObject({ identifier: 'ann.bsky.social', pdsUrl: link.pdsUrl });
    expect(screen.getByText('3 posts waiting to publish')).toBeTruthy();
  });

  it('asks to sign in again in Spanish too, where main’s sentence is English', async () => {
    await i18n.changeLanguage('es');
    try {
      showPanel(linked({ pending: 2, signInNeeded: 'The server no longer accepts this sign-in.' }));
      await screen.findByText('2 publicaciones esperando a publicarse');
      expect(screen.getByRole('alert').textContent).toBe(
        'Vuelve a iniciar sesión para seguir publicando; las publicaciones que esperan se conservan.',
      );
      expect(screen.getByRole('button', { name: 'Volver a iniciar sesión' })).toBeTruthy();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('asks before publishing the earlier posts, names the count, and Cancel sends nothing', async () => {
    const publishEarlier = vi.fn(() => ok({ queued: 12 }));
    showPanel(linked({ earlier: 12 }), { publishEarlier });
    const opener = await screen.findByRole('button', { name: 'Publish my 12 earlier posts…' });
    opener.focus();
    fireEvent.click(opener);
    let dialog = screen.getByRole('dialog', { name: 'Publish 12 earlier posts?' });
    expect(dialog.textContent).toContain(
      '12 posts written before linking become public on the AT Protocol network as @ann.bsky.social',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(publishEarlier).not.toHaveBeenCalled();

    fireEvent.click(opener);
    dialog = screen.getByRole('dialog', { name: 'Publish 12 earlier posts?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish 12 posts' }));
    await screen.findByText('12 posts queued to publish.');
    expect(publishEarlier).toHaveBeenCalledWith({ userId: 1 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('unlinks only after a confirm that says what stays here, what stays public and what will not go out', async () => {
    const unlink = vi.fn(() => ok(UNLINKED));
    showPanel(linked({ pending: 2 }), { unlink });
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink…' }));
    const dialog = screen.getByRole('dialog', { name: 'Unlink @ann.bsky.social?' });
    expect(dialog.textContent).toContain('Your posts stay on this computer');
    expect(dialog.textContent).toContain('stay public on the network as @ann.bsky.social');
    expect(dialog.textContent).toContain('The 2 posts still waiting will not be published.');
    expect(unlink).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unlink' }));
    await screen.findByText('Unlinked from @ann.bsky.social. Your posts are still here.');
    expect(unlink).toHaveBeenCalledWith({ userId: 1 });
    expect(screen.getByRole('button', { name: 'Link account' })).toBeTruthy();
  });

  it('says what bringing the posts back did', async () => {
    showPanel(linked(), { import: () => ok({ added: 3, known: 5, skipped: 1 }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Bring back my posts' }));
    await screen.findByText('From the network: 3 posts added, 5 already here, 1 skipped.');
  });

  it('shows why bringing the posts back failed', async () => {
    const message =
      'This profile is not signed in to its account. Sign in again; your queued posts are kept.';
    showPanel(linked(), { import: () => fail({ code: 'FORBIDDEN', message }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Bring back my posts' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });
});
