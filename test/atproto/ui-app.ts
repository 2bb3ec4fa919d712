/**
 * The glue of the ui-*.test.ts files: the app in the e2e browser harness (the built renderer,
 * the real preload, main's real dispatcher) with a real publisher aimed at the test PDS, and the
 * steps a person takes in Settings → Accounts.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../fixtures/index';
import type { OpenApp, OpenAppOptions } from '../e2e/harness';
import { appsPerTest, visible } from '../e2e/steps';
import { fakeCipher } from './cipher';
import type { TestAccount } from './network';

export { openAccounts } from '../e2e/accounts-seed';

/** Opens apps for one file's tests, each with its own database and sessions folder; `fetch` may route through a proxy. */
export function publishingApps() {
  const open = appsPerTest();
  return async (
    options: Partial<OpenAppOptions> & { fetch?: typeof globalThis.fetch } = {},
  ): Promise<OpenApp & { sessionsFolder: string }> => {
    const { fetch, ...rest } = options;
    const sessionsFolder = path.join(tempDir('ui-sessions'), 'sessions');
    const app = await open({
      ...rest,
      publishing: { sessionsFolder, cipher: fakeCipher, ...(fetch && { fetch }) },
    });
    return { ...app, sessionsFolder };
  };
}

/** Fills the sign-in form (a server only when given) and presses its button. */
export async function fillSignIn(
  page: Page,
  input: { identifier: string; appPassword: string; server?: string; button?: string },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in to your account' });
  await form.getByLabel('Handle or DID').fill(input.identifier);
  await form.getByLabel('App password').fill(input.appPassword);
  if (input.server !== undefined) await form.getByLabel('Server (optional)').fill(input.server);
  await form.getByRole('button', { name: input.button ?? 'Link account' }).click();
}

/** Links through the form to `account` on the test PDS and waits for the linked view. */
export async function linkThroughForm(page: Page, account: TestAccount, pdsUrl: string): Promise<void> {
  await fillSignIn(page, { identifier: account.handle, appPassword: account.appPassword, server: pdsUrl });
  await visible(page.getByText(`@${account.handle}`, { exact: true }));
}
