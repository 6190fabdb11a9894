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
import type { CodePointIndex } from '../text/codePoints';

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

// Character classes, worked out once per code point (a table for the Basic Multilingual Plane).
// The tokenizer is a scanner over them rather than one regular expression: a regex over a run
// of millions of word characters overflows the stack (a 10 MB token).
const whitespace = 1;
const letterOrDigit = 2;
const digit = 4;
const mark = 8;
const han = 16;
const modifier = 32;
const regional = 64;
const known = 128;

const classes = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();
const patterns: Array<readonly [RegExp, number]> = [
  [/^\s$/u, whitespace],
  [/^[\p{L}\p{N}]$/u, letterOrDigit],
  [/^\p{N}$/u, digit],
  [/^\p{M}$/u, mark],
  [/^\p{Script=Han}$/u, han],
  [/^\p{Emoji_Modifier}$/u, modifier],
  [/^\p{Regional_Indicator}$/u, regional],
];

function classOf(code: number): number {
  if (code < 0x10000 && classes[code] !== 0) return classes[code];
  const cached = code >= 0x10000 ? astralClasses.get(code) : undefined;
  if (cached !== undefined) return cached;
  const character = String.fromCodePoint(code);
  let result = known;
  for (const [pattern, flag] of patterns) if (pattern.test(character)) result |= flag;
  if (code < 0x10000) classes[code] = result;
  else astralClasses.set(code, result);
  return result;
}

const joiners = new Set([0x27, 0x2019, 0x2d, 0x2010]);
const zeroWidthJoiner = 0x200d;

/** Starts a word: a letter or digit that is not a Han ideograph. */
const isWordStart = (flags: number) => (flags & letterOrDigit) !== 0 && (flags & han) === 0;

/**
 * The scanner under the tokenizer: `next()` moves to the next token and leaves its bounds in
 * `start`/`end` (code points) and `startUnit`/`endUnit` (UTF-16), making nothing per token.
 * Agreement's token kappa walks millions of tokens and needs only their bounds; the objects and
 * substrings of `scanTokens` were most of its garbage.
 */
export class TokenScanner {
  start = 0;
  end = 0;
  startUnit = 0;
  endUnit = 0;
  /** The scanner's position, in UTF-16 units and in code points. */
  private at = 0;
  private codePoint = 0;

  constructor(readonly text: string) {}

  next(): boolean {
    const text = this.text;
    const length = text.length;
    while (this.at < length && this.classAt(this.at) & whitespace) this.step();
    if (this.at >= length) return false;
    const flags = this.classAt(this.at);
    this.startUnit = this.at;
    this.start = this.codePoint;
    if (isWordStart(flags)) {
      this.scanWordUnits();
      // A joiner between two words keeps them one token; "." and "," only between digits.
      while (this.at + 1 < length) {
        const joiner = text.charCodeAt(this.at);
        const afterFlags = this.classAt(this.at + 1);
        if (!isWordStart(afterFlags)) break;
        const joins = joiners.has(joiner) || ((joiner === 0x2e || joiner === 0x2c) && this.classAt(previousStart(text, this.at)) & digit && afterFlags & digit);
        if (!joins) break;
        this.step();
        this.scanWordUnits();
      }
    } else if (flags & han) {
      this.step();
      this.stepWhile(mark);
    } else {
      this.step();
      if (flags & regional && this.at < length && this.classAt(this.at) & regional) this.step();
      // Marks, skin-tone modifiers and zero-width-joined characters belong to the one before.
      while (this.at < length) {
        if (this.classAt(this.at) & (mark | modifier)) this.step();
        else if (text.charCodeAt(this.at) === zeroWidthJoiner && this.at + 1 < length && !(this.classAt(this.at + 1) & whitespace)) {
          this.step();
          this.step();
        } else break;
      }
    }
    this.endUnit = this.at;
    this.end = this.codePoint;
    return true;
  }

  /** Whether whitespace follows the current token. */
  followedBySpace(): boolean {
    return this.endUnit < this.text.length && (classOf(this.text.charCodeAt(this.endUnit)) & whitespace) !== 0;
  }

  private classAt(offset: number): number {
    return classOf(this.text.codePointAt(offset)!);
  }

  private step(): void {
    this.at += this.text.codePointAt(this.at)! > 0xffff ? 2 : 1;
    this.codePoint++;
  }

  private stepWhile(flags: number): void {
    while (this.at < this.text.length && (this.classAt(this.at) & flags) !== 0) this.step();
  }

  private scanWordUnits(): void {
    while (this.at < this.text.length && isWordStart(this.classAt(this.at))) {
      this.step();
      this.stepWhile(mark);
    }
  }
}

/**
 * The text's tokens in order, one at a time, so a long document never needs all its tokens in
 * memory at once. Offsets count code points.
 */
export function* scanTokens(index: CodePointIndex): Generator<Token> {
  const scanner = new TokenScanner(index.text);
  while (scanner.next()) yield { text: index.text.slice(scanner.startUnit, scanner.endUnit), start: scanner.start, end: scanner.end, ws: scanner.followedBySpace() };
}

/** Offset of the code point that ends just before `offset`. */
function previousStart(text: string, offset: number): number {
  const unit = text.charCodeAt(offset - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && offset >= 2 && text.charCodeAt(offset - 2) >= 0xd800 && text.charCodeAt(offset - 2) <= 0xdbff ? offset - 2 : offset - 1;
}

export function tokenize(index: CodePointIndex, boundaries: Iterable<number> = []): Token[] {
  return [...splitTokensAt(scanTokens(index), index, boundaries)];
}

/** Splits tokens at every boundary strictly inside them, as they come. */
export function* splitTokensAt(tokens: Iterable<Token>, index: CodePointIndex, boundaries: Iterable<number>): Generator<Token> {
  const cuts = Array.from(new Set(boundaries)).sort((left, right) => left - right);
  let next = 0;
  for (const token of tokens) {
    while (next < cuts.length && cuts[next] <= token.start) next++;
    let start = token.start;
    while (next < cuts.length && cuts[next] < token.end) {
      yield { text: index.slice(start, cuts[next]), start, end: cuts[next], ws: false };
      start = cuts[next++];
    }
    yield start === token.start ? token : { text: index.slice(start, token.end), start, end: token.end, ws: token.ws };
  }
}

/** Splits tokens at every boundary strictly inside them. */
export function splitAtBoundaries(tokens: Token[], index: CodePointIndex, boundaries: Iterable<number>): Token[] {
  return [...splitTokensAt(tokens, index, boundaries)];
}
