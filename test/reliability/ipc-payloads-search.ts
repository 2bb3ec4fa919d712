/** Fuzz fields for the follows, feed and search channels, built from the shared generators. */
import fc from 'fast-check';
import type { Channel } from '../../electron/ipc/contract';

interface Generators {
  idish: fc.Arbitrary<unknown>;
  textish: fc.Arbitrary<unknown>;
  cursorish: fc.Arbitrary<unknown>;
  limitish: fc.Arbitrary<unknown>;
  hostileValue: fc.Arbitrary<unknown>;
}

/** What people type into a search box, FTS5's own syntax and markup included. */
const FTS_HOSTILE = [
  '"',
  '""',
  '*',
  'sql*',
  '"seed post"',
  'NEAR(',
  'NEAR(a b, 2)',
  'col:',
  'body:seed',
  '^seed',
  'seed AND OR NOT',
  '-seed',
  '(seed',
  'from:alice seed',
  'from:nobody',
  '<img src=x onerror=alert(1)>',
  '\uE000seed\uE001',
];

/** Each new channel's fields: plausible, edge and hostile values. */
export function searchFields(
  g: Generators,
): Pick<Record<Channel, Record<string, fc.Arbitrary<unknown>>>, SearchChannel> {
  const pair = { followerId: g.idish, followedId: g.idish };
  const list = { userId: g.idish, cursor: g.cursorish, limit: g.limitish };
  const query = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FTS_HOSTILE) },
    { weight: 4, arbitrary: g.textish },
  );
  return {
    'follows:add': pair,
    'follows:remove': pair,
    'follows:status': pair,
    'follows:followers': list,
    'follows:following': list,
    'feed:following': list,
    'search:posts': { query, cursor: g.cursorish, limit: g.limitish },
    'search:users': {
      text: query,
      order: fc.oneof(fc.constantFrom('asc', 'desc', 'DESC'), g.hostileValue),
      viewerId: g.idish,
    },
  };
}

type SearchChannel = Extract<Channel, `follows:${string}` | `feed:${string}` | `search:${string}`>;
