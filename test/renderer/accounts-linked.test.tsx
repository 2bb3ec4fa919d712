/** Settings → Accounts, linked: what waits, sign in again, and the dialogs of earlier posts and unlink. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/i18n/index';
import { UNLINKED, type SignIn, field, link, linked, showPanel } from './accounts-panel';
import { fail, ok } from './fake-api';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
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
