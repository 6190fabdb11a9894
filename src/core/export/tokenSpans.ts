/**
 * A document's tokens with its entities laid over them, for the token-based formats (spaCy,
 * CoNLL). Tokens never hold whitespace, so an entity that starts or ends with whitespace is
 * trimmed to its first and last non-space character (counted, for the report), and an entity of
 * nothing but whitespace is left out. The tokenizer splits tokens at every remaining entity
 * boundary, so each entity covers whole tokens.
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import type { Annotation } from '../sidecar/model';
import { codePointLength } from '../text/codePoints';
import { tokenize, type Token } from './tokenize';

export interface TokenSpan {
  annotation: Annotation;
  /** Code-point offsets of the trimmed span. */
  start: number;
  end: number;
  tokenStart: number;
  /** Inclusive, as spaCy and Prodigy write it. */
  tokenEnd: number;
}

export interface TokenizedDocument {
  tokens: Token[];
  spans: TokenSpan[];
  /** Entities that began or ended with whitespace and were trimmed. */
  trimmed: Annotation[];
  /** Entities of nothing but whitespace, left out. */
  blank: Annotation[];
}

const leadingSpace = /^\s+/u;
const trailingSpace = /\s+$/u;

export function tokenizeDocument(document: CorpusDocument): TokenizedDocument {
  const trimmed: Annotation[] = [];
  const blank: Annotation[] = [];
  const ranges: Array<{ annotation: Annotation; start: number; end: number }> = [];
  for (const annotation of document.placed) {
    const lead = codePointLength(leadingSpace.exec(annotation.text)?.[0] ?? '');
    if (lead === annotation.end - annotation.start) {
      blank.push(annotation);
      continue;
    }
    const trail = codePointLength(trailingSpace.exec(annotation.text)?.[0] ?? '');
    if (lead > 0 || trail > 0) trimmed.push(annotation);
    ranges.push({ annotation, start: annotation.start + lead, end: annotation.end - trail });
  }
  const tokens = tokenize(document.loaded.text, ranges.flatMap((range) => [range.start, range.end]));
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach((token, index) => {
    byStart.set(token.start, index);
    byEnd.set(token.end, index);
  });
  const spans: TokenSpan[] = [];
  for (const range of ranges) {
    const tokenStart = byStart.get(range.start);
    const tokenEnd = byEnd.get(range.end);
    // Cannot happen (the tokenizer splits at these offsets); never write a span that does not fit.
    if (tokenStart === undefined || tokenEnd === undefined) blank.push(range.annotation);
    else spans.push({ ...range, tokenStart, tokenEnd });
  }
  return { tokens, spans, trimmed, blank };
}
