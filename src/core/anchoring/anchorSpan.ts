import { CodePointIndex, codePointLength } from '../text/codePoints';
import { fuzzyAnchor, SearchBudget, spanLimit } from './fuzzyAnchor';
import { contextFits, nearestOccurrence } from './nearestOccurrence';

/** What a sidecar remembers of an annotation's place. Offsets are code points. */
export interface StoredSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

export type AnchorResult =
  /** The stored position still holds the text. */
  | { readonly kind: 'exact'; readonly start: number; readonly end: number }
  /** The same quote, found elsewhere (best context, then nearest). */
  | { readonly kind: 'moved'; readonly start: number; readonly end: number }
  /** An approximate match whose text differs; `score` is 0..1 (1 = quote and context intact). */
  | { readonly kind: 'fuzzy'; readonly start: number; readonly end: number; readonly score: number }
  /** Not found: show it to the user, never drop it silently. */
  | { readonly kind: 'orphan' };

const orphan: AnchorResult = { kind: 'orphan' };

/**
 * Finds where a stored span belongs in the current text, the way Hypothesis anchors its quotes:
 * 1. the stored position, if it still holds the quote (`exact`), unless its context differs and
 *    another copy of the quote has the whole stored context around it (`moved` there);
 * 2. every exact occurrence of the quote, best context match first, then nearest (`moved`);
 * 3. a bounded approximate search near the old position, then the whole text (`fuzzy`);
 * 4. otherwise `orphan`. Malformed spans (empty quote, start > end, non-integer or negative
 *    offsets) are orphans too: the core never throws on what a sidecar contains.
 */
export function anchorSpan(index: CodePointIndex, span: StoredSpan): AnchorResult {
  return anchorWithBudget(index, span, new SearchBudget(2 * spanLimit));
}

/** `anchorSpan` drawing its fuzzy search work from a budget shared with other spans. */
export function anchorWithBudget(index: CodePointIndex, span: StoredSpan, budget: SearchBudget): AnchorResult {
  const { start, end, text } = span;
  if (typeof text !== 'string' || text.length === 0) return orphan;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) return orphan;

  const prefix = typeof span.prefix === 'string' ? span.prefix : '';
  const suffix = typeof span.suffix === 'string' ? span.suffix : '';
  if (index.slice(start, end) === text) {
    // The usual case, settled by comparing 64 code points of context. When they differ, the
    // quote may be here by coincidence (a short name, shifted by exactly the distance to another
    // copy): leave only for a copy with the whole stored context around it.
    const from = index.toUtf16(start);
    if (contextFits(index.text, from, from + text.length, prefix, suffix)) return { kind: 'exact', start, end };
    const elsewhere = nearestOccurrence(index, text, start, prefix, suffix);
    if (elsewhere === undefined || !elsewhere.perfect || elsewhere.start === start) return { kind: 'exact', start, end };
    return { kind: 'moved', start: elsewhere.start, end: elsewhere.start + (end - start) };
  }

  // The stored position failed, so any occurrence found is a move (or a repaired end offset).
  const found = nearestOccurrence(index, text, start, prefix, suffix);
  if (found !== undefined) return { kind: 'moved', start: found.start, end: found.start + codePointLength(text) };

  const fuzzy = fuzzyAnchor(index, text, start, end, prefix, suffix, budget);
  if (fuzzy === undefined) return orphan;
  if (fuzzy.errors === 0) return { kind: 'moved', start: fuzzy.start, end: fuzzy.end };
  return { kind: 'fuzzy', start: fuzzy.start, end: fuzzy.end, score: fuzzy.score };
}
