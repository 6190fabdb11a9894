import { CodePointIndex, codePointLength } from '../text/codePoints';
import { fuzzyAnchor, SearchBudget, spanLimit } from './fuzzyAnchor';
import { contextFits, contextScore, nearestOccurrence, type Occurrence } from './nearestOccurrence';
import { contextSupports } from './shiftEvidence';

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
  | { readonly kind: 'exact'; readonly start: number; readonly end: number; readonly fragments?: FoundFragments }
  /**
   * The same quote, found elsewhere with evidence: its context, or the shift the edit made.
   * `unexplained` marks a move that only part of the context supports and no known shift
   * explains: likely right, but a reviewer should look.
   */
  | { readonly kind: 'moved'; readonly start: number; readonly end: number; readonly unexplained?: true; readonly fragments?: FoundFragments }
  /** An approximate match whose text differs; `score` is 0..1 (1 = quote and context intact). */
  | { readonly kind: 'fuzzy'; readonly start: number; readonly end: number; readonly score: number; readonly fragments?: FoundFragments }
  /** Not found with evidence: show it to the user, never drop it silently. */
  | { readonly kind: 'orphan' };

/** Where each fragment of a discontinuous span was found (set only for such spans). */
export type FoundFragments = ReadonlyArray<readonly [number, number]>;

const orphan: AnchorResult = { kind: 'orphan' };

/**
 * Finds where a stored span belongs in the current text, the way Hypothesis anchors its quotes,
 * except that a span moves only with evidence (see `anchorByContext`, `anchorByEvidence`):
 * 1. the stored position, if it still holds the quote (`exact`), unless its context differs and
 *    another copy of the quote has the whole stored context around it (`moved` there);
 * 2. the copy of the quote with the whole stored context around it, nearest first (`moved`);
 * 3. the copy that sits exactly where a known shift of the edit puts it, else the copy that half
 *    the stored context or more supports (`moved`, flagged `unexplained`: only context vouches);
 * 4. a bounded approximate search whose match the context confirms, or, for a quote at least
 *    75% the same, that half the context supports or a known shift places (`fuzzy`);
 * 5. otherwise `orphan`. Malformed spans (empty quote, start > end, non-integer or negative
 *    offsets) are orphans too: the core never throws on what a sidecar contains.
 * Alone, a span knows only the shift 0; `reanchorAll` gives each the shifts of its neighbours.
 */
export function anchorSpan(index: CodePointIndex, span: StoredSpan): AnchorResult {
  return anchorWithBudget(index, span, new SearchBudget(2 * spanLimit));
}

/** `anchorSpan` drawing its fuzzy search work from a budget shared with other spans. */
export function anchorWithBudget(index: CodePointIndex, span: StoredSpan, budget: SearchBudget, shifts: readonly number[] = [0]): AnchorResult {
  const pass = anchorByContext(index, span);
  return pass.settled ? pass.result : anchorByEvidence(index, span, pass, budget, shifts);
}

export type ContextAnchor =
  /** `shift` is set when the whole stored context was found around the result: a known shift. */
  | { readonly settled: true; readonly result: AnchorResult; readonly shift?: number }
  /** Not settled by its whole context: the best-fitting copy of the quote, if any, for step 3. */
  | { readonly settled: false; readonly best: Occurrence | undefined; readonly contextLength: number };

/** Steps 1 and 2: what the span's own whole context (or its unchanged place) settles. */
export function anchorByContext(index: CodePointIndex, span: StoredSpan): ContextAnchor {
  const { start, end, text } = span;
  if (typeof text !== 'string' || text.length === 0) return { settled: true, result: orphan };
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) return { settled: true, result: orphan };

  const prefix = typeof span.prefix === 'string' ? span.prefix : '';
  const suffix = typeof span.suffix === 'string' ? span.suffix : '';
  // Empty context fits everywhere, so it is never evidence.
  const contextLength = codePointLength(prefix) + codePointLength(suffix);
  if (index.slice(start, end) === text) {
    // The usual case, settled by comparing 64 code points of context. When they differ, the
    // quote may be here by coincidence (a short name, shifted by exactly the distance to another
    // copy): leave only for a copy with the whole stored context around it.
    const from = index.toUtf16(start);
    const exact: AnchorResult = { kind: 'exact', start, end };
    if (contextFits(index.text, from, from + text.length, prefix, suffix)) return contextLength > 0 ? { settled: true, result: exact, shift: 0 } : { settled: true, result: exact };
    const elsewhere = nearestOccurrence(index, text, start, prefix, suffix);
    if (elsewhere === undefined || !elsewhere.perfect || contextLength === 0 || elsewhere.start === start) return { settled: true, result: exact };
    return { settled: true, result: { kind: 'moved', start: elsewhere.start, end: elsewhere.start + (end - start) }, shift: elsewhere.start - start };
  }

  const found = nearestOccurrence(index, text, start, prefix, suffix);
  if (found !== undefined && found.perfect && contextLength > 0) {
    return { settled: true, result: { kind: 'moved', start: found.start, end: found.start + codePointLength(text) }, shift: found.start - start };
  }
  return { settled: false, best: found, contextLength };
}

/** Steps 3 to 5, for a span its whole context did not settle, given the shifts known near it. */
export function anchorByEvidence(
  index: CodePointIndex,
  span: StoredSpan,
  pass: { readonly best: Occurrence | undefined; readonly contextLength: number },
  budget: SearchBudget,
  shifts: readonly number[],
): AnchorResult {
  const { start, text } = span;
  const prefix = typeof span.prefix === 'string' ? span.prefix : '';
  const suffix = typeof span.suffix === 'string' ? span.suffix : '';
  const length = codePointLength(text);

  const candidates: { start: number; score: number; explained: boolean }[] = [];
  const { best, contextLength } = pass;
  if (best !== undefined && contextSupports(best.score, contextLength)) {
    candidates.push({ start: best.start, score: best.score, explained: shifts.includes(best.start - start) });
  }
  for (const shift of shifts) {
    const at = start + shift;
    if (at < 0 || at + length > index.codePointLength || index.slice(at, at + length) !== text) continue;
    const from = index.toUtf16(at);
    candidates.push({ start: at, score: contextScore(index.text, from, from + text.length, prefix, suffix), explained: true });
  }
  // Where the edit puts it first (a copy exactly that far away with half the context besides is
  // rarer than a coincidence in repetitive text); then most context; then the nearest, the later
  // one on a tie (text inserted before a span pushes it forward).
  candidates.sort((left, right) =>
    Number(right.explained) - Number(left.explained) ||
    right.score - left.score ||
    Math.abs(left.start - start) - Math.abs(right.start - start) ||
    right.start - left.start,
  );
  const chosen = candidates[0];
  if (chosen !== undefined) return moved(chosen.start, chosen.start + length, chosen.explained);

  // A changed quote keeps its start or its end where the edit put it. Its old end is taken from
  // its length: a stored `end` that does not fit the quote says nothing.
  const explained = (from: number, to: number) => shifts.some((shift) => from === start + shift || to === start + length + shift);
  const supported = (from: number, to: number) => contextSupports(contextScore(index.text, index.toUtf16(from), index.toUtf16(to), prefix, suffix), contextLength);
  const fuzzy = fuzzyAnchor(index, text, start, start + length, prefix, suffix, budget, (from, to) => explained(from, to) || supported(from, to));
  if (fuzzy === undefined) return orphan;
  if (fuzzy.errors === 0) return moved(fuzzy.start, fuzzy.end, explained(fuzzy.start, fuzzy.end));
  return { kind: 'fuzzy', start: fuzzy.start, end: fuzzy.end, score: fuzzy.score };
}

function moved(start: number, end: number, explained: boolean): AnchorResult {
  return explained ? { kind: 'moved', start, end } : { kind: 'moved', start, end, unexplained: true };
}
