import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/db/errors';
import { externalUrlProblem } from '../../electron/db/post-text';
import { CHANNELS, type Channel, type Result } from '../../electron/ipc/contract';
import { type AppContext, createAppContext } from '../../electron/main/app-context';
import { tempFolder } from '../fixtures/index';
import { hostileValue, payloadsFor } from './ipc-payloads';
import { readsBackEqual } from './ipc-read-back';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/**
 * Channels whose every valid call is slow real work: half of the generated payloads of
 * `data:backupNow` are valid, and each makes a real, fsynced backup (about 45 ms here).
 */
const RUNS_FOR: Partial<Record<Channel, number>> = { 'data:backupNow': Math.min(RUNS, 600) };
const KNOWN_CODES = new Set<string>([
  ...ERROR_CODES,
  'UNKNOWN_CHANNEL',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'FORBIDDEN',
]);

const folder = tempFolder('fuzz');
let app: AppContext;
const tally: Record<string, { calls: number; ok: number; codes: Record<string, number> }> = {};
let readBacks = 0;
/** What `links:open` handed the shell: each one must be an address main allows. */
const opened: string[] = [];
const openExternal = async (url: string): Promise<void> => {
  if (externalUrlProblem(url) !== null) throw new Error(`links:open passed ${url} to the shell`);
  opened.push(url);
};

/** Cheap, and enough: this connection is the only writer, and total_changes counts every row it touched. */
function fingerprint(): string {
  return app.db
    .prepare(
      `SELECT total_changes() || '|' || (SELECT count(*) FROM users) || '|' || (SELECT count(*) FROM posts) || '|' ||
              (SELECT coalesce(max(id), 0) FROM posts) || '|' || (SELECT count(*) FROM drafts) || '|' ||
              (SELECT count(*) FROM settings) || '|' || (SELECT count(*) FROM avatars)`,
    )
    .pluck()
    .get() as string;
}

function checkEnvelope(result: unknown): asserts result is Result<unknown> {
  const r = result as Result<unknown>;
  if (typeof r !== 'object' || r === null) throw new Error(`not an envelope: ${String(result)}`);
  if (r.ok === true) {
    if (!('value' in r)) throw new Error('ok without value');
    return;
  }
  if (r.ok !== false) throw new Error(`ok is ${String((r as { ok: unknown }).ok)}`);
  const { code, message } = r.error;
  if (!KNOWN_CODES.has(code)) throw new Error(`unknown error code ${code}`);
  if (code === 'INTERNAL') throw new Error(`INTERNAL error: ${message}`);
  if (typeof message !== 'string' || message === '' || /SQLITE|constraint failed/i.test(message)) {
    throw new Error(`bad message for ${code}: ${message}`);
  }
}

async function call(channel: string, payload: unknown): Promise<void> {
  const before = fingerprint();
  let result: unknown;
  try {
    result = await app.dispatch(channel, payload);
  } catch (error) {
    throw new Error(`dispatch rejected on ${channel}: ${String(error)}`, { cause: error });
  }
  checkEnvelope(result);
  const entry = (tally[channel] ??= { calls: 0, ok: 0, codes: {} });
  entry.calls++;
  if (result.ok) {
    entry.ok++;
    if (await readsBackEqual(app, channel, payload, result.value)) readBacks++;
    return;
  }
  entry.codes[result.error.code] = (entry.codes[result.error.code] ?? 0) + 1;
  if (fingerprint() !== before)
    throw new Error(`${channel} was rejected (${result.error.code}) but changed the database`);
}

beforeAll(async () => {
  app = await createAppContext({ dbPath: path.join(folder.dir, 'microblog.db') });
  const alice = await app.dispatch('users:create', { username: 'alice', email: 'alice@example.com' });
  const bob = await app.dispatch('users:create', {
    username: 'bob',
    email: 'bob@example.com',
    password: 'correct horse battery',
  });
  expect(alice.ok && bob.ok).toBe(true);
  // A fresh app session: bob's password has not been given yet.
  app.close();
  app = await createAppContext({ dbPath: path.join(folder.dir, 'microblog.db'), openExternal });
  // alice is active (only the active profile posts); bob stays locked.
  expect((await app.dispatch('session:activate', { userId: 1 })).ok).toBe(true);
  for (let i = 0; i < 30; i++) {
    const seeded = await app.dispatch('posts:create', { userId: 1, body: `seed post ${i}` });
    expect(seeded.ok).toBe(true);
  }
});

afterAll(() => {
  app?.close();
  folder.remove();
  const total = Object.values(tally).reduce((sum, t) => sum + t.calls, 0);
  console.log(`IPC fuzz: ${total} calls over ${Object.keys(tally).length} channels`);
  console.log(`  acknowledged writes read back equal: ${readBacks}`);
  console.log(`  links handed to the shell: ${opened.length}`);
  for (const [channel, t] of Object.entries(tally)) {
    console.log(`  ${channel}: ${t.calls} calls, ${t.ok} ok, rejected ${JSON.stringify(t.codes)}`);
  }
});

describe('bad input at the IPC boundary', () => {
  it.each(CHANNELS.map((channel) => [channel, RUNS_FOR[channel] ?? RUNS] as const))(
    `%s: %i generated payloads each resolve to a result or a typed error`,
    async (channel: Channel, runs: number) => {
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (payload) => call(channel, payload)),
        { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20_260_101) },
      );
      expect(tally[channel]?.calls).toBeGreaterThanOrEqual(runs);
    },
    120_000,
  );

  it('writes (and the draft read) for a profile other than the active one were refused FORBIDDEN and changed nothing', () => {
    // Each refusal was checked against the fingerprint as it came; here: they really came.
    const writes = [
      'users:delete',
      'users:update',
      'users:setPassword',
      'users:setAvatar',
      'users:removeAvatar',
      'posts:create',
      'posts:delete',
      'posts:edit',
      'posts:restore',
      'drafts:get',
      'drafts:save',
      'follows:add',
      'follows:remove',
    ];
    for (const channel of writes) expect(tally[channel]?.codes.FORBIDDEN ?? 0, channel).toBeGreaterThan(0);
  });

  it(`unknown channels: ${RUNS} generated names are refused`, async () => {
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'users:create ', 'USERS:CREATE'),
      hostileValue,
    );
    await fc.assert(
      fc.asyncProperty(names, hostileValue, async (name, payload) => {
        fc.pre(!(CHANNELS as unknown[]).includes(name));
        const result = await app.dispatch(name as string, payload);
        checkEnvelope(result);
        expect(result.ok === false && result.error.code).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
