/**
 * What a post body holds besides plain text: http(s) links, #tags and @mentions. One reading
 * for the whole app: the repository stores the tags this finds, the renderer draws the same
 * tokens as links, so a tag on screen is always a tag in post_tags. Pure: runs in Node and in
 * the browser.
 */
import { LinkifyIt } from 'linkify-it';
import { say } from './sentences';

/** The longest tag stored (the schema's `tag_folded` holds the same bound). */
export const TAG_MAX = 64;

/** One piece of a post body, in order; joining every `text` gives the body back. */
export type PostToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'tag'; text: string; tag: string }
  | { kind: 'mention'; text: string; username: string };

// http and https only: ftp:, mailto: and protocol-relative `//` are off, and nothing without a
// scheme is guessed at, so `javascript:`, `file:` and `data:` text never becomes a link.
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false, maxLength: 2048 })
  .add('ftp:', null)
  .add('//', null)
  .add('mailto:', null);

// A tag or a mention starts after white space or at the very start, and runs to the end of
// its word. A link holds no white space, so no tag or mention can be part of one, and the tags
// of a body are the same whether links were found first or not (migration 0007's backfill
// reads them with this same pattern). `(#tag)` and `john@example.com` are plain text.
const WORD = String.raw`\p{L}\p{N}\p{M}_`;
const TAG = new RegExp(String.raw`(?<=^|\s)#([${WORD}]{1,${TAG_MAX}})(?![${WORD}])`, 'gu');
// Usernames as rules.ts allows them, but not ending in `.` or `-` ("@bob." mentions bob).
const MENTION = /(?<=^|\s)@([A-Za-z0-9_.-]{0,63}[A-Za-z0-9_])(?![A-Za-z0-9_])/g;
const HAS_LETTER = /\p{L}/u;

/** The stored form of a tag: lower case, so #SQLite and #sqlite are one tag. */
export function foldTag(tag: string): string {
  return tag.toLowerCase();
}

/** The body cut into text, links, tags and mentions, in order. */
export function tokenizePost(body: string): PostToken[] {
  const found: { index: number; token: PostToken }[] = [];
  const links = linkify.test(body) ? (linkify.match(body) ?? []) : [];
  for (const link of links) {
    const text = body.slice(link.index, link.lastIndex);
    found.push({ index: link.index, token: { kind: 'link', text, url: link.url } });
  }
  for (const match of body.matchAll(TAG)) {
    const name = match[1] ?? '';
    if (isTag(name)) found.push({ index: match.index, token: { kind: 'tag', text: match[0], tag: name } });
  }
  for (const match of body.matchAll(MENTION)) {
    const username = match[1] ?? '';
    found.push({ index: match.index, token: { kind: 'mention', text: match[0], username } });
  }
  found.sort((x, y) => x.index - y.index);
  const tokens: PostToken[] = [];
  let at = 0;
  for (const { index, token } of found) {
    if (index < at) continue;
    if (index > at) tokens.push({ kind: 'text', text: body.slice(at, index) });
    tokens.push(token);
    at = index + token.text.length;
  }
  if (at < body.length) tokens.push({ kind: 'text', text: body.slice(at) });
  return tokens;
}

/** True for a word after `#` that is a tag: a letter in it (`#1` is a number), short enough folded. */
function isTag(name: string): boolean {
  // Folding can lengthen a few letters (İ becomes i and a dot), past what is stored.
  return HAS_LETTER.test(name) && [...foldTag(name)].length <= TAG_MAX;
}

/** The distinct tags of a body, folded, in order of first appearance. */
export function extractTags(body: string): string[] {
  if (!body.includes('#')) return [];
  const tags = new Set<string>();
  for (const match of body.matchAll(TAG)) {
    const name = match[1] ?? '';
    if (isTag(name)) tags.add(foldTag(name));
  }
  return [...tags];
}

/** The longest address a link may open (browsers and servers commonly stop near here). */
export const EXTERNAL_URL_MAX = 2048;

/**
 * Why an address may not be opened in the system browser, or null when it may: only http and
 * https, at most EXTERNAL_URL_MAX characters, and no user name or password in it.
 */
export function externalUrlProblem(text: string): string | null {
  if (text.length > EXTERNAL_URL_MAX) {
    return say('errors.linkTooLong', { max: EXTERNAL_URL_MAX });
  }
  if (!URL.canParse(text)) return say('errors.notAddress');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return say('errors.onlyHttp');
  }
  if (url.username !== '' || url.password !== '') {
    return say('errors.linkCredentials');
  }
  return null;
}
