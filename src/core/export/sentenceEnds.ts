/**
 * Where sentences end, for CoNLL: after a blank line (whitespace holding two or more line breaks),
 * after `.`, `!` or `?` followed by whitespace, and after the full-width `。`, `！`, `？`, which
 * Chinese and Japanese text follows with no space. Deliberately simple and stated: no
 * abbreviation list, so "Dr. Smith" is split after "Dr.". A caller may forbid breaks (inside an
 * entity) through `keepTogether`.
 */
import type { CodePointIndex } from '../text/codePoints';
import type { Token } from './tokenize';

const terminators = new Set(['.', '!', '?']);
const fullWidthTerminators = new Set(['。', '！', '？']);

/** `ends[i]` is true when a sentence ends after token `i`; the last token always ends one. */
export function sentenceEnds(tokens: readonly Token[], text: CodePointIndex, keepTogether: (index: number) => boolean = () => false): boolean[] {
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    return next === undefined || endsSentence(token, next, text, keepTogether(index));
  });
}

/** Whether a sentence ends between a token and the next one. */
export function endsSentence(token: Token, next: Token, text: CodePointIndex, keepTogether: boolean): boolean {
  if (keepTogether) return false;
  if (fullWidthTerminators.has(token.text)) return true;
  if (next.start === token.end) return false;
  if (terminators.has(token.text)) return true;
  return lineBreaks(text.slice(token.end, next.start)) >= 2;
}

function lineBreaks(gap: string): number {
  let count = 0;
  for (let index = 0; index < gap.length; index++) {
    const unit = gap.charCodeAt(index);
    if (unit === 0x0a) count++;
    // A CR counts unless an LF follows (then the LF counts for the pair).
    else if (unit === 0x0d && gap.charCodeAt(index + 1) !== 0x0a) count++;
  }
  return count;
}
