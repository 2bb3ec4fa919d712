/** The Accounts panel over a fake bridge, for the component tests of Settings → Accounts. */
import { fireEvent, render, screen } from '@testing-library/react';
import type { AccountStatus, Result } from '../../electron/ipc/contract';
import { AccountsPanel } from '../../renderer/pages/settings/AccountsPanel';
import { installFakeApi, ok, withQueryClient } from './fake-api';

export const ann = {
  id: 1,
  username: 'ann',
  email: null,
  hasPassword: false,
  displayName: null,
  hasAvatar: false,
};
export const UNLINKED: AccountStatus = { linked: null, pending: 0, earlier: 0, signInNeeded: null };
export const link = { did: 'did:plc:ann123', handle: 'ann.bsky.social', pdsUrl: 'https://bsky.social' };
export const linked = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  linked: link,
  pending: 0,
  earlier: 0,
  signInNeeded: null,
  ...over,
});

export type SignIn = (input: {
  userId: number;
  identifier: string;
  appPassword: string;
  pdsUrl?: string;
}) => Promise<Result<AccountStatus>>;

export function showPanel(status: AccountStatus, calls: { signIn?: SignIn; [name: string]: unknown } = {}) {
  installFakeApi({ accounts: { get: () => ok(status), ...calls } });
  render(withQueryClient(<AccountsPanel user={ann} />));
}

export const field = (name: string) => screen.getByLabelText(name);
export const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((node) => node?.classList.contains('field-error'))?.textContent;

export async function fillAndLink(values: { handle?: string; password?: string; server?: string }) {
  await screen.findByRole('form', { name: 'Sign in to your account' });
  if (values.handle !== undefined)
    fireEvent.change(field('Handle or DID'), { target: { value: values.handle } });
  if (values.password !== undefined)
    fireEvent.change(field('App password'), { target: { value: values.password } });
  if (values.server !== undefined)
    fireEvent.change(field('Server (optional)'), { target: { value: values.server } });
  fireEvent.click(screen.getByRole('button', { name: 'Link account' }));
}
