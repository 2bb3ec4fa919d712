/**
 * Settings → Accounts in the browser against the real PDS: what a new user does, through the UI
 * only, with the app's own publisher sending to the test network.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/index';
import { createFirstProfile, post, visible } from '../e2e/steps';
import { type Network, type TestAccount, startNetwork } from './network';
import { type Decision, startProxy } from './proxy';
import { repository } from './repository';
import { fillSignIn, linkThroughForm, openAccounts, publishingApps } from './ui-app';

let network: Network;

beforeAll(async () => {
  network = await startNetwork();
});
afterAll(async () => {
  await network.close();
});

const open = publishingApps();
const count = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;
const published = async (account: TestAccount) => [
  ...(await repository(network.pdsUrl, account.did)).values(),
];
/** The publisher retries on its own backoff timer; waiting for it is waiting for a condition, not a time. */
const DRAIN = { timeout: 60_000, interval: 250 };

describe('Settings → Accounts against a real PDS', () => {
  it('a new user links through the form, posts while the PDS is down, sees it waiting, and it goes out once when the PDS is back', async () => {
    const account = await network.createAccount('walker');
    const { page, db } = await open();
    await createFirstProfile(page, { username: 'walker', email: 'walker@example.com' });
    await openAccounts(page);

    // The real server's refusal lands on the App password field.
    await fillSignIn(page, { identifier: account.handle, appPassword: 'not-it', server: network.pdsUrl });
    await visible(page.getByText('That handle and app password do not match an account on this server.'));
    expect(await page.getByLabel('App password').getAttribute('aria-invalid')).toBe('true');
    await linkThroughForm(page, account, network.pdsUrl);
    await visible(page.getByText(account.did, { exact: true }));
    await visible(page.getByText('Everything is published.'));

    await network.stopPds();
    await page.getByRole('link', { name: 'Timeline' }).click();
    await post(page, 'written while the server was down');
    await openAccounts(page);
    await visible(page.getByText('1 post waiting to publish'));
    expect(await published(account).catch(() => 'unreachable')).toBe('unreachable');

    await network.startPds();
    await page.getByText('Everything is published.').waitFor({ timeout: DRAIN.timeout });
    const repo = await repository(network.pdsUrl, account.did);
    expect([...repo.values()]).toEqual(['written while the server was down']);
    // The record is the post's own key: a retry could only have written it again in place.
    expect(db.prepare(`SELECT rkey FROM post_records WHERE cid IS NOT NULL`).pluck().all()).toEqual([
      ...repo.keys(),
    ]);
  });

  it('publishing the earlier posts asks first and queues the named count; unlinking keeps the posts here and on the network', async () => {
    const account = await network.createAccount('early');
    const { page, db, sessionsFolder } = await open();
    await createFirstProfile(page, { username: 'early', email: 'early@example.com' });
    const bodies = ['earlier one', 'earlier two', 'earlier three'];
    for (const body of bodies) await post(page, body);
    await openAccounts(page);
    await linkThroughForm(page, account, network.pdsUrl);

    const opener = page.getByRole('button', { name: 'Publish my 3 earlier posts…' });
    const dialog = page.getByRole('dialog', { name: 'Publish 3 earlier posts?' });
    await opener.click();
    expect(await dialog.textContent()).toContain(
      `become public on the AT Protocol network as @${account.handle}`,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(count(db, `SELECT count(*) FROM outbox`)).toBe(0);

    await opener.click();
    await dialog.getByRole('button', { name: 'Publish 3 posts' }).click();
    await visible(page.getByText('3 posts queued to publish.'));
    await expect.poll(async () => (await published(account)).sort(), DRAIN).toEqual([...bodies].sort());
    await visible(page.getByText('Everything is published.'));
    expect(await opener.count()).toBe(0);

    await page.getByRole('button', { name: 'Bring back my posts' }).click();
    await visible(page.getByText('From the network: 3 already here.'));

    await page.getByRole('button', { name: 'Unlink…' }).click();
    const confirm = page.getByRole('dialog', { name: `Unlink @${account.handle}?` });
    expect(await confirm.textContent()).toContain('Your posts stay on this computer');
    expect(await confirm.textContent()).toContain(`stay public on the network as @${account.handle}`);
    await confirm.getByRole('button', { name: 'Unlink', exact: true }).click();
    await visible(page.getByText(`Unlinked from @${account.handle}. Your posts are still here.`));
    await visible(page.getByRole('button', { name: 'Link account' }));
    expect(count(db, `SELECT count(*) FROM accounts`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(3);
    expect(fs.readdirSync(sessionsFolder)).toEqual([]);
    expect((await published(account)).length).toBe(3);

    await page.getByRole('link', { name: 'Timeline' }).click();
    await post(page, 'after unlinking, only here');
    expect(count(db, `SELECT count(*) FROM outbox`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM posts`)).toBe(4);
  });

  it('a revoked app password asks to sign in again; after signing in, what waited goes out once', async () => {
    const account = await network.createAccount('revoker');
    let expire = false;
    // The PDS does not look access tokens up: an expired one forces the refresh the revocation refuses.
    const EXPIRED: Decision = { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
    const proxy = await startProxy(network.pdsUrl, (_method, path) =>
      expire && path.endsWith('com.atproto.repo.putRecord') ? EXPIRED : 'forward',
    );
    const { page } = await open({ fetch: proxy.fetch });
    await createFirstProfile(page, { username: 'revoker', email: 'revoker@example.com' });
    await openAccounts(page);
    await linkThroughForm(page, account, network.pdsUrl);

    const owner = await network.agentFor(account);
    await owner.com.atproto.server.revokeAppPassword({ name: 'microblog' });
    expire = true;
    await page.getByRole('link', { name: 'Timeline' }).click();
    await post(page, 'kept through the new sign-in');
    await openAccounts(page);
    await visible(page.getByText(/^The server no longer accepts this sign-in/));
    await visible(page.getByText('1 post waiting to publish'));
    expect(await published(account)).toEqual([]);

    expire = false;
    const fresh = await owner.com.atproto.server.createAppPassword({ name: 'microblog-again' });
    await fillSignIn(page, {
      identifier: account.handle,
      appPassword: fresh.data.password,
      button: 'Sign in again',
    });
    await expect.poll(() => published(account), DRAIN).toEqual(['kept through the new sign-in']);
    await visible(page.getByText('Everything is published.'));
    expect(await page.getByRole('button', { name: 'Sign in again' }).count()).toBe(0);
    await proxy.close();
  });
});
