import { describe, expect, it } from 'vitest';
import {
  BODY_CEILING,
  BODY_MAX,
  DRAFT_MAX,
  bodyProblem,
  countCodePoints,
  countGraphemes,
  draftProblem,
  splitGraphemes,
} from '../../electron/db/rules';

const FAMILY = '👨‍👩‍👧‍👦'; // man, ZWJ, woman, ZWJ, girl, ZWJ, boy: 7 code points
const WAVE_TONED = '👋🏽'; // hand and a skin tone modifier: 2
const FLAG_DE = '🇩🇪'; // two regional indicators: 2
const SCOTLAND = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'; // black flag and tag characters: 7
const COUPLE_TONED = '👩🏻‍❤️‍💋‍👨🏼'; // the longest recommended emoji: 10
const E_ACUTE = 'e\u0301'; // e and a combining acute accent: 2
const HANGUL_JAMO = '\u1100\u1161\u11a8'; // one syllable from three jamo: 3

describe('countGraphemes counts what a person sees', () => {
  it.each([
    ['a ZWJ family', FAMILY, 7],
    ['a skin-toned hand', WAVE_TONED, 2],
    ['a flag', FLAG_DE, 2],
    ['a subdivision flag (tag sequence)', SCOTLAND, 7],
    ['a couple with two skin tones', COUPLE_TONED, 10],
    ['a letter and a combining mark', E_ACUTE, 2],
    ['a Hangul syllable from jamo', HANGUL_JAMO, 3],
  ])('%s is one character (%s, %i code points)', (_label, text, codePoints) => {
    expect(countCodePoints(text)).toBe(codePoints);
    expect(countGraphemes(text)).toBe(1);
    expect(countGraphemes(text.repeat(30))).toBe(30);
  });

  it('counts plain text, CRLF and an empty string as expected', () => {
    expect(countGraphemes('')).toBe(0);
    expect(countGraphemes('hello')).toBe(5);
    expect(countGraphemes('a\r\nb')).toBe(3);
  });

  it('accepts 140 visible characters of every kind and refuses 141', () => {
    for (const unit of ['a', FAMILY, WAVE_TONED, FLAG_DE, SCOTLAND, COUPLE_TONED, E_ACUTE]) {
      expect(bodyProblem(unit.repeat(BODY_MAX)), unit).toBeNull();
      expect(bodyProblem(unit.repeat(BODY_MAX + 1)), unit).toEqual({
        code: 'BODY_TOO_LONG',
        message: 'A post has at most 140 characters. This one has 141.',
      });
    }
  });

  it('no 140-character post of the longest recommended emoji reaches the schema ceiling', () => {
    expect(countCodePoints(COUPLE_TONED.repeat(BODY_MAX))).toBeLessThan(BODY_CEILING);
  });

  it('refuses text stacked with marks past the ceiling, in its own sentence, before counting', () => {
    const zalgo = `a${'\u0301'.repeat(BODY_CEILING)}`;
    expect(countGraphemes(zalgo)).toBe(1);
    expect(bodyProblem(zalgo)).toEqual({
      code: 'BODY_TOO_LONG',
      message:
        'A post can hold at most 2,240 Unicode code points (accents and joiners count apart); this one has too many.',
    });
  });

  it('limits drafts by visible characters too', () => {
    expect(draftProblem(FAMILY.repeat(DRAFT_MAX))).toBeNull();
    expect(draftProblem(FAMILY.repeat(DRAFT_MAX + 1))).toBe('A draft has at most 1000 characters.');
  });

  it('splitGraphemes cuts after the limit without breaking a character', () => {
    expect(splitGraphemes(`${'a'.repeat(139)}${FAMILY}${FLAG_DE}x`, BODY_MAX)).toEqual({
      within: `${'a'.repeat(139)}${FAMILY}`,
      over: `${FLAG_DE}x`,
    });
    expect(splitGraphemes('short', BODY_MAX)).toEqual({ within: 'short', over: '' });
  });
});
