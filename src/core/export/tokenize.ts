/**
 * The tokenizer behind the spaCy and CoNLL exports: small, stated, and reversible through its
 * offsets. Rules, applied left to right:
 *
 * - whitespace (JavaScript's `\s`, which includes no-break and ideographic spaces) is never a
 *   token; a token's `ws` says whether whitespace follows it;
 * - a word is a run of letters, marks and digits (`\p{L}\p{M}\p{N}`), kept together across an
 *   apostrophe or hyphen between two word characters (`don't`, `APC-Colombia`) and across a `.`
 *   or `,` between two digits (`3.5`, `1,200`);
 * - every Han ideograph (CJK) is a token of its own, with any combining marks after it;
 * - any other character is a token of its own (punctuation, symbols, emoji), together with what
 *   belongs to it: combining marks, variation selectors, skin-tone modifiers, zero-width-joined
 *   emoji (`👩‍👩‍👧`) and a pair of regional indicators (a flag, `🇨🇴`).
 *
 * Offsets count code points. A boundary given by the caller (an entity's start or end) that falls
 * inside a token splits it there, so every entity covers whole tokens: `Cartagena's` tagged as
 * `Cartagena` becomes `Cartagena` + `'s`.
 */
import { codePointLength, type CodePointIndex } from '../text/codePoints';

export interface Token {
  text: string;
  /** Code-point offsets into the document text; `end` is exclusive. */
  start: number;
  end: number;
  /** Whether whitespace follows the token. */
  ws: boolean;
}

/** The tokenizer's name and rules, written into exports so readers know how tokens were made. */
export const tokenizerName = 'news-annotator-simple-1';
export const tokenizerDescription =
  'news-annotator-simple-1: whitespace separates tokens and is not one; words are runs of letters, marks and digits ' +
  "(joined across an apostrophe or hyphen between word characters, and across . or , between digits); each Han " +
  'ideograph, punctuation mark, symbol or emoji (with its modifiers, joiners and flag pairs) is its own token; ' +
  'tokens are split at every entity boundary.';

const wordUnit = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}]\p{M}*)`;
const joiner = String.raw`(?:['’\-‐]|(?<=\p{N})[.,](?=\p{N}))`;
const tokenPattern = new RegExp(
  [
    String.raw`(\s+)`,
    `(${wordUnit}+(?:${joiner}${wordUnit}+)*)`,
    String.raw`(\p{Script=Han}\p{M}*)`,
    String.raw`((?:\p{Regional_Indicator}{2}|[^])(?:[\p{M}\p{Emoji_Modifier}]|\u200d(?!\s)[^])*)`,
  ].join('|'),
  'uy',
);
const whitespaceStart = /^\s/u;

export function tokenize(index: CodePointIndex, boundaries: Iterable<number> = []): Token[] {
  const text = index.text;
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let codePoint = 0;
  while (tokenPattern.lastIndex < text.length) {
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(text);
    // The last alternative matches any character, so this cannot fail; stop rather than loop.
    if (match === null) break;
    const length = codePointLength(match[0]);
    if (match[1] === undefined) {
      const end = at + match[0].length;
      tokens.push({ text: match[0], start: codePoint, end: codePoint + length, ws: whitespaceStart.test(text.slice(end, end + 1)) });
    }
    codePoint += length;
  }
  return splitAtBoundaries(tokens, index, boundaries);
}

/** Splits tokens at every boundary strictly inside them. */
export function splitAtBoundaries(tokens: Token[], index: CodePointIndex, boundaries: Iterable<number>): Token[] {
  const cuts = [...new Set(boundaries)].sort((left, right) => left - right);
  if (cuts.length === 0) return tokens;
  const result: Token[] = [];
  let next = 0;
  for (const token of tokens) {
    while (next < cuts.length && cuts[next] <= token.start) next++;
    let start = token.start;
    while (next < cuts.length && cuts[next] < token.end) {
      result.push({ text: index.slice(start, cuts[next]), start, end: cuts[next], ws: false });
      start = cuts[next++];
    }
    result.push(start === token.start ? token : { text: index.slice(start, token.end), start, end: token.end, ws: token.ws });
  }
  return result;
}
