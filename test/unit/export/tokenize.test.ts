import fc from 'fast-check';
import assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/export/tokenize';
import { CodePointIndex } from '../../../src/core/text/codePoints';

const texts = (text: string, boundaries: number[] = []) => tokenize(new CodePointIndex(text), boundaries).map((token) => token.text);

describe('tokenize', () => {
  it('splits words, punctuation and numbers, keeping internal apostrophes, hyphens and decimal points', () => {
    assert.deepEqual(texts("APC-Colombia's 3.5% rise, don't panic."), ["APC-Colombia's", '3.5', '%', 'rise', ',', "don't", 'panic', '.']);
    assert.deepEqual(texts('1,200 people - not "many".'), ['1,200', 'people', '-', 'not', '"', 'many', '"', '.']);
    assert.deepEqual(texts('end. Next'), ['end', '.', 'Next']);
  });

  it('makes every Han ideograph a token, astral ones included, and keeps kana and Latin words whole', () => {
    assert.deepEqual(texts('𠮷野家 opened 東京。'), ['𠮷', '野', '家', 'opened', '東', '京', '。']);
    assert.deepEqual(texts('𠮷田さん'), ['𠮷', '田', 'さん']);
  });

  it('keeps an emoji with its modifiers, joiners and flag pairs as one token', () => {
    assert.deepEqual(texts('Kyiv 🇺🇦🇫🇷 👨‍👩‍👧 👍🏽 ❤️ 1️⃣!'), ['Kyiv', '🇺🇦', '🇫🇷', '👨‍👩‍👧', '👍🏽', '❤️', '1️⃣', '!']);
  });

  it('keeps combining marks with their letter (a decomposed accent stays in its word)', () => {
    assert.deepEqual(texts('Bogota\u0301 y Zu\u0308rich'), ['Bogota\u0301', 'y', 'Zu\u0308rich']);
  });

  it('counts offsets in code points and records whether whitespace follows', () => {
    const tokens = tokenize(new CodePointIndex('😀 a\r\nb.\u00a0c'));
    assert.deepEqual(
      tokens.map((token) => [token.text, token.start, token.end, token.ws]),
      [
        ['😀', 0, 1, true],
        ['a', 2, 3, true],
        ['b', 5, 6, false],
        ['.', 6, 7, true],
        ['c', 8, 9, false],
      ],
    );
  });

  it('splits a token at an entity boundary inside it', () => {
    assert.deepEqual(texts("Cartagena's port", [0, 9]), ['Cartagena', "'s", 'port']);
    assert.deepEqual(texts('APC-Colombia', [4]), ['APC-', 'Colombia']);
    // 𝒜 is a letter outside the BMP: offsets after it still count code points.
    const split = tokenize(new CodePointIndex('𝒜bc de'), [2]);
    assert.deepEqual(split.map((token) => [token.text, token.start, token.end, token.ws]), [
      ['𝒜b', 0, 2, false],
      ['c', 2, 3, true],
      ['de', 4, 6, false],
    ]);
  });

  it('never makes an empty token or one with whitespace, and its tokens are the text without whitespace', () => {
    const character = fc.constantFrom('a', 'Z', '1', ' ', '\n', '\r', '\t', '.', "'", '-', '😀', '🇺', '𠮷', '東', '\u0301', '\u200d', '\ufe0f', '\u00a0', 'é', 'ß', ',');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 40 }), fc.array(fc.nat(45), { maxLength: 6 }), (characters, cuts) => {
        const text = characters.join('');
        const index = new CodePointIndex(text);
        const boundaries = cuts.filter((cut) => cut <= index.codePointLength);
        const tokens = tokenize(index, boundaries);
        let previousEnd = 0;
        for (const token of tokens) {
          assert.ok(token.text.length > 0 && !/\s/u.test(token.text));
          assert.ok(token.start >= previousEnd && token.end > token.start);
          assert.equal(index.slice(token.start, token.end), token.text);
          assert.equal(token.ws, /^\s/u.test(index.slice(token.end, token.end + 1)));
          assert.ok(!boundaries.some((cut) => cut > token.start && cut < token.end), 'no boundary inside a token');
          previousEnd = token.end;
        }
        assert.equal(tokens.map((token) => token.text).join(''), text.replace(/\s/gu, ''));
      }),
      { numRuns: 500 },
    );
  });
});

/** The tokenizer as it was first written, one regular expression: the reference for short texts. */
function regexTokens(text: string): string[] {
  const wordUnit = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}]\p{M}*)`;
  const joiner = String.raw`(?:['’\-‐]|(?<=\p{N})[.,](?=\p{N}))`;
  const pattern = new RegExp(
    [String.raw`(\s+)`, `(${wordUnit}+(?:${joiner}${wordUnit}+)*)`, String.raw`(\p{Script=Han}\p{M}*)`, String.raw`((?:\p{Regional_Indicator}{2}|[^])(?:[\p{M}\p{Emoji_Modifier}]|\u200d(?!\s)[^])*)`].join('|'),
    'uy',
  );
  const tokens: string[] = [];
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text)!;
    if (match[1] === undefined) tokens.push(match[0]);
  }
  return tokens;
}

describe('tokenize against its first, regex-based version', () => {
  it('makes the same tokens on any short text', () => {
    const pieces = ['a', 'Z', '7', '٣', ' ', '\n', '\u00a0', "'", '’', '-', '.', ',', '東', '𠮷', '\u0301', '😀', '🏽', '\u200d', '🇨', '🇴', '!', '。', '\ud83d', 'ß'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(texts(text), regexTokens(text), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });
});
