/**
 * What a person types into the search box, turned into an FTS5 query that FTS5 always accepts:
 * "a phrase", a prefix (`sql*`) and plain words are kept; everything else is plain text, each
 * word quoted, so FTS5 operators (AND, NEAR(…), col:, ^, -) match as the words they contain.
 * `from:username` becomes a filter. Pure: runs in Node and in the browser.
 */
import { say } from './sentences';

export const SEARCH_MAX = 200;
export const SEARCH_EMPTY_SENTENCE = say('errors.searchEmpty');
export const SEARCH_TOO_LONG_SENTENCE = say('errors.searchTooLong', { max: SEARCH_MAX });

/** A parsed search: the FTS5 MATCH text (null when only filters were given) and the filters. */
export interface ParsedSearch {
  match: string | null;
  /** The words the match looks for, for tests and the empty state. */
  terms: string[];
  from: string | null;
}

/** FTS5's unicode61 keeps letters, numbers and private-use characters as parts of words. */
const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const TOKEN = /"([^"]*)"|(\S+)/g;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One typed word: a prefix if it ends in `*` after a word character, else plain text. */
function word(text: string): string | null {
  const prefix = /^(.*[\p{L}\p{N}\p{Co}])\*+$/u.exec(text);
  if (prefix?.[1]) return `${quoted(prefix[1])}*`;
  return WORD_CHAR.test(text) ? quoted(text) : null;
}

/** Parses the search box's text; a sentence when there is nothing to search for. */
export function parseSearch(text: string): ParsedSearch | { problem: string } {
  if (text.length > SEARCH_MAX) return { problem: SEARCH_TOO_LONG_SENTENCE };
  const terms: string[] = [];
  let from: string | null = null;
  // An unpaired quote is plain text: it only separates words.
  const balanced = (text.match(/"/g)?.length ?? 0) % 2 === 0 ? text : text.replace(/"(?=[^"]*$)/, ' ');
  for (const token of balanced.matchAll(TOKEN)) {
    const [, phrase, bare] = token;
    if (phrase !== undefined) {
      if (WORD_CHAR.test(phrase)) terms.push(quoted(phrase));
      continue;
    }
    const filter = /^from:@?([A-Za-z0-9_.-]{1,64})$/i.exec(bare ?? '');
    if (filter?.[1]) {
      from = filter[1];
      continue;
    }
    const term = word(bare ?? '');
    if (term) terms.push(term);
  }
  if (terms.length === 0 && from === null) return { problem: SEARCH_EMPTY_SENTENCE };
  return { match: terms.length > 0 ? terms.join(' ') : null, terms, from };
}
