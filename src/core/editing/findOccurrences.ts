import { CodePointIndex } from '../text/codePoints';
import { continuesWord, needsWordEdge } from '../text/wordEdges';

export interface OccurrenceOptions {
  /** Only matches not preceded or followed by a letter, digit or combining mark. */
  readonly wholeWord: boolean;
  readonly caseSensitive: boolean;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lastCharacterBefore(text: string, utf16Offset: number): string {
  if (utf16Offset <= 0) return '';
  const code = text.codePointAt(utf16Offset - 1)!;
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff && utf16Offset >= 2;
  return isLowSurrogate ? String.fromCodePoint(text.codePointAt(utf16Offset - 2)!) : String.fromCodePoint(code);
}

function firstCharacterAt(text: string, utf16Offset: number): string {
  const code = text.codePointAt(utf16Offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Every occurrence of `query` in `text`, as code-point spans, left to right and not overlapping.
 * Case-insensitive matching folds case per code point (so offsets never drift, unlike
 * lower-casing the whole text, which can change its length).
 */
export function findOccurrences(text: string, query: string, options: OccurrenceOptions, index = new CodePointIndex(text)): Span[] {
  if (query.length === 0) return [];
  const pattern = new RegExp(escapeRegExp(query), options.caseSensitive ? 'gu' : 'giu');
  const checkStart = options.wholeWord && needsWordEdge(firstCharacterAt(query, 0));
  const checkEnd = options.wholeWord && needsWordEdge(lastCharacterBefore(query, query.length));
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (checkStart && continuesWord(lastCharacterBefore(text, start))) continue;
    if (checkEnd && continuesWord(firstCharacterAt(text, end))) continue;
    spans.push({ start: index.toCodePoint(start), end: index.toCodePoint(end) });
  }
  return spans;
}
