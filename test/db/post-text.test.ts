import { describe, expect, it } from 'vitest';
import { externalUrlProblem, extractTags, tokenizePost } from '../../electron/db/post-text';

describe('tokenizePost', () => {
  it('finds an https link, a tag and a mention, and gives the body back whole', () => {
    const body = 'See https://example.com/a?b=1#c #SQLite @bob.';
    const tokens = tokenizePost(body);
    expect(tokens).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1#c', url: 'https://example.com/a?b=1#c' },
      { kind: 'text', text: ' ' },
      { kind: 'tag', text: '#SQLite', tag: 'SQLite' },
      { kind: 'text', text: ' ' },
      { kind: 'mention', text: '@bob', username: 'bob' },
      { kind: 'text', text: '.' },
    ]);
    expect(tokens.map((t) => t.text).join('')).toBe(body);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>hi</b>',
    'ftp://example.com/file',
    '//example.com/path',
    'mailto:ann@example.com',
    'example.com',
  ])('leaves %s as text', (body) => {
    expect(tokenizePost(body).filter((t) => t.kind === 'link')).toEqual([]);
  });

  it('reads http links in any case and stops before trailing punctuation', () => {
    expect(tokenizePost('(HTTP://EXAMPLE.ORG/x).').filter((t) => t.kind === 'link')).toEqual([
      { kind: 'link', text: 'HTTP://EXAMPLE.ORG/x', url: 'HTTP://EXAMPLE.ORG/x' },
    ]);
  });

  it('takes no tag or mention from inside a word, an address or a link', () => {
    const body = 'a#b john@example.com https://x.org/#frag https://x.org/@me (#paren)';
    expect(tokenizePost(body).filter((t) => t.kind === 'tag' || t.kind === 'mention')).toEqual([]);
  });
});

describe('extractTags', () => {
  it('folds case, keeps first-seen order, drops duplicates and numbers', () => {
    expect(extractTags('#TIL #til #Music\n#sqlite3 #2024 #café #CAFÉ')).toEqual([
      'til',
      'music',
      'sqlite3',
      'café',
    ]);
  });

  it('finds exactly the tags the tokenizer shows', () => {
    const bodies = [
      '#a https://x.org/#b #c',
      'start #x, #y! #z-w',
      '#日本語 #über_cool #_',
      `#${'a'.repeat(64)} #${'b'.repeat(65)}`,
      `#${'İ'.repeat(40)}`,
    ];
    for (const body of bodies) {
      const shown = tokenizePost(body).flatMap((t) => (t.kind === 'tag' ? [t.tag.toLowerCase()] : []));
      expect(extractTags(body), body).toEqual([...new Set(shown)]);
    }
    expect(extractTags(`#${'a'.repeat(64)} #${'b'.repeat(65)}`)).toEqual(['a'.repeat(64)]);
    // İ folds to two code points: 80 is past what the table stores, so it stays text.
    expect(extractTags(`#${'İ'.repeat(40)}`)).toEqual([]);
  });
});

describe('externalUrlProblem', () => {
  it.each(['https://example.com/', 'http://example.com/a?b=1#c', 'HTTPS://EXAMPLE.COM'])(
    'opens %s',
    (url) => {
      expect(externalUrlProblem(url)).toBeNull();
    },
  );

  it.each([
    ['javascript:alert(1)', 'Only http and https links open in the browser.'],
    ['file:///etc/passwd', 'Only http and https links open in the browser.'],
    ['data:text/html,hi', 'Only http and https links open in the browser.'],
    ['https://user:pw@example.com/', 'A link with a user name or password in it is not opened.'],
    ['https://user@example.com/', 'A link with a user name or password in it is not opened.'],
    ['not a url', 'That is not a web address.'],
    [`https://example.com/${'a'.repeat(2029)}`, 'A link has at most 2,048 characters.'],
  ])('refuses %s', (url, sentence) => {
    expect(externalUrlProblem(url)).toBe(sentence);
  });

  it('opens one at exactly 2,048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2028)}`;
    expect(url).toHaveLength(2048);
    expect(externalUrlProblem(url)).toBeNull();
  });
});
