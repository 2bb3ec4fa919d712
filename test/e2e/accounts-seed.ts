/**
 * A profile linked to an AT Protocol account on a computer that is offline, for the screens of
 * Settings → Accounts without a PDS (axe, screenshots): the link as signing in writes it, and
 * main's real publisher behind it, whose every request fails as with no network. Nothing here
 * needs Vitest, so the screenshot script uses it too.
 */
import path from 'node:path';
import { createAccountRepository } from '../../electron/db/accounts';
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';
import { createSessionStore } from '../../electron/main/publisher/sessions';
import type { Page } from 'playwright-core';
import { fakeCipher } from '../atproto/cipher';
import type { OpenAppOptions } from './harness';
import { offlineDiscovery, offlineFetch } from './offline-network';

export const SEEDED_ACCOUNT = { did: 'did:plc:7iza6de2dwap2sbkpav7c6c6', handle: 'maya.bsky.social' };

/** Main's publishing on an offline computer, its sessions kept in `sessionsFolder`. */
export function offlinePublishing(sessionsFolder: string): NonNullable<OpenAppOptions['publishing']> {
  return { sessionsFolder, cipher: fakeCipher, fetch: offlineFetch, discovery: offlineDiscovery };
}

export interface SeededAccount {
  dbPath: string;
  userId: number;
  /** What `openApp` needs for main to publish from this data folder (offline). */
  publishing: NonNullable<OpenAppOptions['publishing']>;
}

/**
 * In `folder` (a fresh temp folder), a data folder with profile `username`, `earlier` posts written before the link, then the link
 * to SEEDED_ACCOUNT. With `session`, a stored sign-in the publisher will try (and find the server
 * unreachable); without, the publisher finds no sign-in and asks for one.
 */
export async function seedLinkedAccount(options: {
  folder: string;
  username: string;
  earlier: number;
  session: boolean;
}): Promise<SeededAccount> {
  const { folder } = options;
  const dbPath = path.join(folder, 'microblog.sqlite');
  const sessionsFolder = path.join(folder, 'sessions');
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    const user = repos.users.create({ username: options.username, email: `${options.username}@example.org` });
    const hourAgo = Date.now() - 60 * 60_000;
    for (let i = 0; i < options.earlier; i++)
      repos.posts.create({
        userId: user.id,
        body: `Written before linking, number ${i + 1}.`,
        timestamp: new Date(hourAgo - (options.earlier - i) * 60_000).toISOString(),
      });
    createAccountRepository(context.db).link({
      userId: user.id,
      ...SEEDED_ACCOUNT,
      pdsUrl: 'https://bsky.social',
    });
    if (options.session)
      createSessionStore(sessionsFolder, fakeCipher).save(user.id, {
        ...SEEDED_ACCOUNT,
        accessJwt: 'seeded-access-token',
        refreshJwt: 'seeded-refresh-token',
        active: true,
      });
    return { dbPath, userId: user.id, publishing: offlinePublishing(sessionsFolder) };
  } finally {
    context.close();
  }
}

/** Goes to Settings → Accounts through the top bar and the section tabs. */
export async function openAccounts(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('heading', { name: 'AT Protocol account (Bluesky)' }).waitFor({ timeout: 10_000 });
}
