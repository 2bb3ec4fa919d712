/** Generators of hostile IPC payloads for the fuzz test: wrong types, edge values, huge and deep things. */
import fc from 'fast-check';
import { postFields } from './ipc-payloads-posts';
import type { Channel } from '../../electron/ipc/contract';
import { edgeNumbers, edgeStrings } from './ipc-edge-values';
import { searchFields } from './ipc-payloads-search';

function nestedObject(depth: number): unknown {
  let value: unknown = { userId: 1 };
  for (let i = 0; i < depth; i++) value = { userId: value, body: 'x' };
  return value;
}

function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object whose own keys include `__proto__`, as JSON.parse (and structured clone) can make. */
function withOwnKey(key: string, value: unknown, base: Record<string, unknown>): Record<string, unknown> {
  const target: Record<string, unknown> = { ...base };
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const hugeStrings = fc.constantFrom('h'.repeat(70_000), '😀'.repeat(20_000), 'x'.repeat(1_000_000));
const deepThings = fc.constantFrom(nestedObject(50), nestedObject(100_000), nestedArray(100_000));

/** Any kind of value, weighted towards the ones that break naive code. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      withNullPrototype: true,
      withSparseArray: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withBoxedValues: true,
    }),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 3, arbitrary: edgeStrings },
  { weight: 2, arbitrary: edgeNumbers },
  { weight: 1, arbitrary: hugeStrings },
  { weight: 1, arbitrary: deepThings },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
);

/** Ids of existing users (1 has no password, 2 has one), nearby ones, and anything else. */
const idish = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 3, arbitrary: hostileValue },
);

/** Short text with one lone surrogate inside, otherwise a fine post, draft or email. */
const withLoneSurrogate = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,20}$/),
    fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
    fc.stringMatching(/^[a-z0-9]{0,20}$/),
  )
  .map(([before, lone, after]) => `${before}${lone}${after}`);

const textish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 160 }),
  withLoneSurrogate,
  hostileValue,
);

/** Usernames: well-formed new ones (which may be created), existing ones, and anything else. */
const usernameish = fc.oneof(
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('alice', 'ALICE', 'bob') },
  { weight: 3, arbitrary: textish },
);
const emailish = fc.oneof(
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.constantFrom('alice@example.com', 'a@b', 'no-at-sign', '@x.y') },
  { weight: 1, arbitrary: withLoneSurrogate.map((name) => `${name}@example.com`) },
  { weight: 3, arbitrary: textish },
);
/**
 * Passwords stay mostly malformed or short: a well-formed one costs a scrypt hash (~50 ms),
 * so those are rare, to keep 10,000 calls per channel in budget.
 */
const passwordish = fc.oneof(
  { weight: 300, arbitrary: fc.oneof(fc.string({ maxLength: 7 }), hostileValue, fc.constant(null)) },
  { weight: 1, arbitrary: fc.constantFrom('correct horse battery', 'wrong password!') },
);
/** Unlocking checks any string against the hash, so strings are rare here and non-strings common. */
const unlockPassword = fc.oneof(
  { weight: 300, arbitrary: hostileValue.filter((v) => typeof v !== 'string' || v.length > 1024) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('correct horse battery', 'wrong password!') },
);
/** Deleting may take only the fuzz's own users, so users 1 and 2 stay for the channels after it. */
const deletableId = fc.oneof(fc.integer({ min: 3, max: 60 }), hostileValue);
const cursorish = fc.oneof(fc.constant(null), edgeStrings, fc.string(), hostileValue);
const directionish = fc.oneof(fc.constantFrom('older', 'newer', 'NEWER', ''), hostileValue);
const limitish = fc.oneof(fc.integer({ min: -2, max: 120 }), edgeNumbers, hostileValue);

const settingish = fc.oneof(fc.constantFrom('en', 'es', null, 'de', 'system', 'dark', 'Dark'), hostileValue);
/** Picture bytes: the smallest valid PNG, JPEG and WebP, random bytes, ones over the limit, anything. */
const imageish = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]),
      new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]),
    ),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(new Uint8Array(256 * 1024 + 1).fill(0xff), new Uint8Array(300_000)),
  },
  { weight: 3, arbitrary: hostileValue },
);

/** Each channel's fields, each filled from plausible, edge and hostile values. */
const FIELDS: Record<Channel, Record<string, fc.Arbitrary<unknown>>> = {
  'app:info': {},
  'app:firstScreen': { limit: limitish },
  'session:get': {},
  'session:activate': { userId: idish },
  'session:unlock': { userId: idish, password: unlockPassword },
  'users:create': { username: usernameish, email: emailish, password: passwordish },
  'users:list': { order: fc.oneof(fc.constantFrom('asc', 'desc', 'ASC', ''), hostileValue), prefix: textish },
  'users:get': { username: usernameish },
  'users:delete': { userId: deletableId },
  'posts:create': { userId: idish, body: textish },
  'posts:timeline': { cursor: cursorish, limit: limitish, direction: directionish },
  'posts:byUser': { userId: idish, cursor: cursorish, limit: limitish, direction: directionish },
  'posts:delete': { postId: fc.oneof(fc.integer({ min: 0, max: 300 }), hostileValue), userId: idish },
  'drafts:get': { userId: idish },
  'drafts:save': { userId: idish, body: fc.oneof(textish, fc.constant('d'.repeat(4001))) },
  'settings:get': {},
  'settings:set': { language: settingish, theme: settingish },
  'users:update': {
    userId: idish,
    username: usernameish,
    displayName: textish,
    aboutMe: fc.oneof(textish, fc.constant('a'.repeat(281))),
    email: fc.oneof(emailish, fc.constant('')),
  },
  'users:setPassword': { userId: idish, currentPassword: passwordish, newPassword: passwordish },
  'users:setAvatar': { userId: idish, image: imageish },
  'users:removeAvatar': { userId: idish },
  'users:avatar': { userId: idish },
  ...postFields({ idish, textish, hostileValue, cursorish, limitish }),
  ...searchFields({ idish, textish, cursorish, limitish, hostileValue }),
  'data:overview': {},
  'data:export': {
    username: fc.oneof(fc.constant(null), usernameish),
    format: fc.oneof(fc.constantFrom('json', 'csv', 'xml', 'JSON'), hostileValue),
    passwordHashes: fc.oneof(fc.boolean(), hostileValue),
  },
  'data:import': {},
  'data:cancel': { jobId: fc.oneof(fc.uuid(), textish) },
  'data:backupNow': {},
  'data:restore': { name: fc.oneof(fc.constantFrom('microblog.db', '../microblog.db', 'x.db'), textish) },
  'data:setKeepBackups': {
    keepBackups: fc.oneof(fc.integer({ min: -5, max: 120 }), edgeNumbers, hostileValue),
  },
  'data:showInFolder': { target: fc.oneof(fc.constantFrom('database', '../../etc/passwd', 'x.db'), textish) },
  'data:copy': { what: fc.oneof(fc.constantFrom('path', 'details', 'password'), hostileValue) },
  'accounts:get': { userId: idish },
  'accounts:signIn': {
    userId: idish,
    identifier: fc.oneof(usernameish, textish),
    appPassword: passwordish,
    // Never a reachable server: a closed loopback port, other schemes, anything.
    pdsUrl: fc.oneof(
      fc.constantFrom(
        'http://127.0.0.1:9',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'https://u:p@127.0.0.1:9',
      ),
      hostileValue,
    ),
  },
  'accounts:unlink': { userId: idish },
  'accounts:publishEarlier': { userId: idish },
  'accounts:retry': { userId: idish, postId: idish },
  'accounts:postStates': { postIds: fc.oneof(fc.array(idish, { maxLength: 300 }), hostileValue) },
  'accounts:import': { userId: idish },
};

const dangerousKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
);

/** Payloads for one channel: shaped records (some valid), records with hostile extra keys, or anything. */
export function payloadsFor(channel: Channel): fc.Arbitrary<unknown> {
  const shaped = fc.record(FIELDS[channel], { requiredKeys: [] });
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    {
      weight: 2,
      arbitrary: fc
        .tuple(shaped, dangerousKey, hostileValue)
        .map(([base, key, value]) => withOwnKey(key, value, base as Record<string, unknown>)),
    },
    { weight: 3, arbitrary: hostileValue },
  );
}
