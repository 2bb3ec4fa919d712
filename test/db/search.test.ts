import { describe, expect, it } from 'vitest';
import { naturalKey } from '../../electron/db/natural-key';
import { highlightRanges } from '../../electron/db/search';
import { parseSearch } from '../../electron/db/search-query';
import { migratedDb } from '../fixtures/index';

describe('naturalKey', () => {
  it('orders digit runs by value and ignores case', () => {
    const names = ['sam79', 'Sam100', 'sam9', 'sam', 'SAM10a', 'sam010', 'bob2', 'bob10'];
    const sorted = [...names].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1));
    expect(sorted).toEqual(['bob2', 'bob10', 'sam', 'sam9', 'sam010', 'SAM10a', 'sam79', 'Sam100']);
  });
});

describe('parseSearch', () => {
  it('keeps phrases, prefixes and words, quoting everything else as plain text', () => {
    expect(parseSearch('"full text" sql* plain')).toMatchObject({ match: '"full text" "sql"* "plain"' });
    expect(parseSearch('NEAR(a b) col:x AND')).toMatchObject({ match: '"NEAR(a" "b)" "col:x" "AND"' });
    expect(parseSearch('say "hi')).toMatchObject({ match: '"say" "hi"' });
    expect(parseSearch('a"b')).toMatchObject({ match: '"a" "b"' });
    expect(parseSearch('from:ann hello')).toEqual({ match: '"hello"', terms: ['"hello"'], from: 'ann' });
    expect(parseSearch('from:ann')).toEqual({ match: null, terms: [], from: 'ann' });
    expect(parseSearch('" * - ()')).toEqual({ problem: 'Type a word to search for.' });
    expect(parseSearch('x'.repeat(201))).toEqual({ problem: 'A search has at most 200 characters.' });
  });
});

describe('highlightRanges', () => {
  it('turns markers into ranges of the body, and gives none when the body holds a marker itself', () => {
    expect(highlightRanges('a \uE000bc\uE001 d \uE000e\uE001', 'a bc d e')).toEqual([
      [2, 4],
      [7, 8],
    ]);
    expect(highlightRanges('\uE000👋🏽x\uE001', '👋🏽x')).toEqual([[0, 5]]);
    expect(highlightRanges('\uE000\uE000\uE001', '\uE000')).toEqual([]);
    expect(highlightRanges(null, 'x')).toEqual([]);
    // Markers that do not pair up, or do not account for the whole body, give no ranges.
    expect(highlightRanges('\uE000ab', 'ab')).toEqual([]);
    expect(highlightRanges('\uE000a\uE001\uE001b', 'ab')).toEqual([]);
    expect(highlightRanges('\uE000a\uE001', 'ab')).toEqual([]);
  });
});

describe('follows and search in the database', () => {
  it('cascades follows away with a deleted profile, and search forgets deleted and changed posts', async () => {
    const { db, repos } = await migratedDb();
    const ann = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    const bob = repos.users.create({ username: 'bob', email: 'bob@example.com' });
    repos.follows.add(ann.id, bob.id);
    repos.follows.add(bob.id, ann.id);
    const post = repos.posts.create({ userId: bob.id, body: 'quokka sighting' });
    expect(repos.search.posts('quokka').items.map((p) => p.id)).toEqual([post.id]);
    db.prepare(`UPDATE posts SET body = 'wombat sighting' WHERE id = ?`).run(post.id);
    expect(repos.search.posts('quokka').items).toEqual([]);
    expect(repos.search.posts('wombat').items.map((p) => p.id)).toEqual([post.id]);
    repos.users.delete(bob.id);
    expect(db.prepare(`SELECT count(*) FROM follows`).pluck().get()).toBe(0);
    expect(repos.search.posts('wombat').items).toEqual([]);
    // FTS5 checks the index against posts and throws when they differ.
    expect(() =>
      db.prepare(`INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)`).run(),
    ).not.toThrow();
  });

  it('shows an edited post as edited in the Following feed, as the timeline does', async () => {
    const { repos } = await migratedDb();
    const ann = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    const bob = repos.users.create({ username: 'bob', email: 'bob@example.com' });
    repos.follows.add(ann.id, bob.id);
    const post = repos.posts.create({ userId: bob.id, body: 'first words' });
    const edited = repos.posts.edit(post.id, bob.id, 'better words');
    expect(edited.editedAt).toEqual(expect.any(String));
    const [inFeed] = repos.feed.following(ann.id).items;
    expect(inFeed).toEqual(repos.posts.timeline().items[0]);
    expect(inFeed).toMatchObject({ id: post.id, body: 'better words', editedAt: edited.editedAt });
  });

  it('pages search results without gaps or repeats, and a jump starts before the chosen time', async () => {
    const { repos } = await migratedDb();
    const ann = repos.users.create({ username: 'ann', email: 'ann@example.com' });
    for (let i = 0; i < 25; i++) {
      repos.posts.create({
        userId: ann.id,
        body: `note ${i}`,
        timestamp: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = repos.search.posts('note', { cursor, limit: 10 });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    const jump = repos.search.posts('note', { cursor: `2026-01-05T00:00:00.000Z_1`, limit: 2 });
    expect(jump.items.map((p) => p.body)).toEqual(['note 3', 'note 2']);
  });
});
