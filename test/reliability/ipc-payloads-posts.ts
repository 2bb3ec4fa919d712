/** The fuzz fields of the edit, history, restore, tag page and link channels. */
import fc from 'fast-check';
import type { Channel } from '../../electron/ipc/contract';

type Arb = fc.Arbitrary<unknown>;

/** Built from ipc-payloads.ts's shared arbitraries, which it passes in. */
export function postFields(base: {
  idish: Arb;
  textish: Arb;
  hostileValue: Arb;
  cursorish: Arb;
  limitish: Arb;
}) {
  const { idish, textish, hostileValue, cursorish, limitish } = base;
  const postish = fc.oneof(fc.integer({ min: 0, max: 40 }), hostileValue);
  /** Bodies with tags, mentions and links, so edits rewrite post_tags too. */
  const tagged = fc
    .tuple(fc.constantFrom('#seed', '#Tíl', '@alice', 'https://example.com/#x', '#1'), textish)
    .map(([head, tail]) => `${head} ${typeof tail === 'string' ? tail : ''}`);
  /** Addresses main must refuse (other schemes, credentials, too long, not one) and a few it opens. */
  const urlish = fc.oneof(
    fc.constantFrom(
      'https://example.com/',
      'http://example.com/a?b=1#c',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'https://user:pw@example.com/',
      'HTTPS://EXAMPLE.COM',
      `https://example.com/${'a'.repeat(2100)}`,
      '//example.com',
    ),
    fc.webUrl(),
    textish,
  );

  return {
    'posts:edit': { postId: postish, userId: idish, body: fc.oneof(textish, tagged) },
    'posts:history': { postId: postish },
    'posts:restore': { postId: postish, userId: idish },
    'posts:byTag': {
      tag: fc.oneof(fc.constantFrom('seed', 'SEED', 'tíl', ''), textish),
      cursor: cursorish,
      limit: limitish,
    },
    'links:open': { url: urlish },
  } satisfies Partial<Record<Channel, Record<string, Arb>>>;
}
