import { CodePointIndex } from '../text/codePoints';
import { isWhiteSpace } from '../text/whiteSpace';
import { blockCount, closestPrefix, editDistances, toCodePoints } from './approximateSearch';

/**
 * Fuzzy work is counted in block-columns (one 32-row block of the pattern against one code point
 * of text, a few nanoseconds each). One searched range costs at most `spanLimit` (a few tens of
 * ms) and a span searches at most two (near its old place, then wider); a `SearchBudget` shared
 * by a whole re-anchoring run caps the total, so anchoring can never hang.
 */
export const spanLimit = 4_000_000;

export class SearchBudget {
  constructor(private remaining: number) {}

  /** Takes `cost` from the budget if it is all there; false leaves the budget untouched. */
  take(cost: number): boolean {
    if (cost > this.remaining) return false;
    this.remaining -= cost;
    return true;
  }
}

export interface FuzzyMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
  /** 0..1, Hypothesis weights: quote 50, prefix 20, suffix 20, closeness 2. */
  readonly score: number;
}

/**
 * Whether something besides the quote vouches for a match at code points [start, end): the edit
 * is known to have put the quote there, or enough of the stored context is right around it.
 */
export type PlaceEvidence = (start: number, end: number) => boolean;

/** Code points searched on each side of the old position before the whole text is tried. */
const nearRadius = 2048;
/**
 * Stored context longer than this (only a hand-edited sidecar has it) is cut to the part next to
 * the quote, which keeps the context scoring of each candidate cheap.
 */
const affixLimit = 64;
/** Candidate match ends scored in full (context and closeness) per searched range. */
const candidateLimit = 16;

const codePointCache = new WeakMap<CodePointIndex, Int32Array>();

/**
 * Approximate search for `quote` near `oldStart`, then in the whole text (within budget).
 *
 * Matches are searched with at most min(256, floor(m / 2)) errors (m = quote length in code
 * points, the Hypothesis bound). A match is ACCEPTED when
 *   - errors <= min(256, floor(m / 2)) and the stored context confirms the place: prefix and
 *     suffix hold at least 16 code points together and at most 1 in 8 of them differ there, or
 *   - errors <= floor(m / 4) (the quote is at least 75% the same on its own) and `vouched`
 *     says something else supports the place: a look-alike elsewhere with other surroundings
 *     is not evidence, however similar.
 * The first rule lets short names survive a spelling fix ("Jon" -> "John", "Kiev" -> "Kyiv")
 * only where their surroundings are still recognisably the same. Either way the quote's letters
 * (all but its white space) must also be in the match within half their number (`lettersAgree`).
 */
export function fuzzyAnchor(
  index: CodePointIndex,
  quoteText: string,
  oldStart: number,
  oldEnd: number,
  prefixText: string,
  suffixText: string,
  budget: SearchBudget,
  vouched: PlaceEvidence = () => false,
): FuzzyMatch | undefined {
  const quote = toCodePoints(quoteText);
  const length = quote.length;
  const searchErrors = Math.min(256, Math.floor(length / 2));
  if (searchErrors === 0) return undefined;
  const points = codePointsOf(index);
  const total = points.length;
  const blocks = blockCount(length);
  const widest = Math.min(total, Math.floor(spanLimit / blocks));
  if (widest < length - searchErrors) return undefined;

  const context = {
    quote,
    letters: lettersToCheck(quote),
    reversedQuote: quote.slice().reverse(),
    prefix: toCodePoints(prefixText).slice(-affixLimit),
    suffix: toCodePoints(suffixText).slice(0, affixLimit),
    oldStart,
    searchErrors,
    points,
    vouched,
  };
  const center = Math.min(total, Math.max(0, Math.floor((oldStart + oldEnd) / 2)));
  const near = windowAround(center, Math.min(widest, length + 2 * nearRadius), total);
  if (!budget.take((near.to - near.from) * blocks)) return undefined;
  const found = bestMatch(context, near.from, near.to);
  if (found !== undefined || (near.from === 0 && near.to === total)) return found;

  const wide = windowAround(center, widest, total);
  if (!budget.take((wide.to - wide.from) * blocks)) return undefined;
  return bestMatch(context, wide.from, wide.to);
}

interface SearchContext {
  readonly quote: Int32Array;
  /** The quote without its white space, when `lettersAgree` has to look (see there). */
  readonly letters: Int32Array | undefined;
  readonly reversedQuote: Int32Array;
  readonly prefix: Int32Array;
  readonly suffix: Int32Array;
  readonly oldStart: number;
  readonly searchErrors: number;
  readonly points: Int32Array;
  readonly vouched: PlaceEvidence;
}

function bestMatch(context: SearchContext, from: number, to: number): FuzzyMatch | undefined {
  const { quote, searchErrors, points } = context;
  const distances = editDistances(quote, points, from, to, false);
  // Ends where the error count is at a local minimum, every end of a level stretch included:
  // "Jon" is one error from both "Jo" and "John", and only the context can tell which is right.
  let candidates: { end: number; errors: number }[] = [];
  const oldEnd = context.oldStart + quote.length;
  const rank = (a: { end: number; errors: number }, b: { end: number; errors: number }): number =>
    a.errors - b.errors || Math.abs(a.end - oldEnd) - Math.abs(b.end - oldEnd);
  for (let k = 1; k < distances.length; k++) {
    const errors = distances[k];
    if (errors > searchErrors || errors > distances[k - 1]) continue;
    if (k + 1 < distances.length && distances[k + 1] < errors) continue;
    candidates.push({ end: from + k, errors });
    if (candidates.length > 64 * candidateLimit) candidates = candidates.sort(rank).slice(0, candidateLimit);
  }
  candidates = candidates.sort(rank).slice(0, candidateLimit);

  let best: FuzzyMatch | undefined;
  for (const candidate of candidates) {
    const match = scoreCandidate(context, candidate.end, candidate.errors);
    if (match !== undefined && (best === undefined || match.score > best.score)) best = match;
  }
  return best;
}

function scoreCandidate(context: SearchContext, end: number, errors: number): FuzzyMatch | undefined {
  const { quote, reversedQuote, prefix, suffix, points } = context;
  const length = quote.length;
  // The match ends at `end`; its start is where the reversed quote best fits backwards from it.
  const lookback = Math.min(end, length + errors);
  const before = points.slice(end - lookback, end).reverse();
  const fit = closestPrefix(reversedQuote, before, length);
  const start = end - fit.length;
  if (!lettersAgree(context.letters, points.subarray(start, end))) return undefined;

  const prefixErrors = affixErrors(prefix.slice().reverse(), points.slice(Math.max(0, start - 2 * prefix.length), start).reverse());
  const suffixErrors = affixErrors(suffix, points.slice(end, end + 2 * suffix.length));
  const contextLength = prefix.length + suffix.length;
  const quoteAlone = fit.errors <= Math.floor(length / 4);
  const confirmed = contextLength >= 16 && 8 * (prefixErrors + suffixErrors) <= contextLength;
  if (!confirmed && !(quoteAlone && context.vouched(start, end))) return undefined;

  const similarity = (errorCount: number, size: number): number => (size === 0 ? 1 : 1 - errorCount / size);
  const closeness = Math.max(0, 1 - Math.abs(start - context.oldStart) / Math.max(1, points.length));
  const score =
    (50 * similarity(fit.errors, length) +
      20 * similarity(prefixErrors, prefix.length) +
      20 * similarity(suffixErrors, suffix.length) +
      2 * closeness) /
    92;
  return { start, end, errors: fit.errors, score };
}

/** Quotes longer than this (in letters) are not checked by `lettersAgree` (each check costs a pass over the match). */
const longestLetterCheck = 1_024;

/**
 * The quote's letters, when they need a look of their own: when the quote holds white space.
 * Without any, the error bound over the whole quote already bounds the letters (taking white
 * space out of the match can only remove errors).
 */
function lettersToCheck(quote: Int32Array): Int32Array | undefined {
  if (!quote.some(isWhiteSpace)) return undefined;
  const letters = quote.filter((code) => !isWhiteSpace(code));
  return letters.length > longestLetterCheck ? undefined : letters;
}

/**
 * Whether the match holds the quote's letters, at most half of them wrong. The error bound is
 * over the whole quote, white space included, so a quote that is half white space "matched" a
 * run of spaces, or other words between the same spaces, without one of its letters: a deleted
 * "Σ  α" was found in the two spaces it left behind, whose surroundings were its own.
 */
function lettersAgree(letters: Int32Array | undefined, match: Int32Array): boolean {
  if (letters === undefined) return true;
  // A quote of white space alone is no tag (validate says so); it is never moved on a guess.
  if (letters.length === 0) return false;
  const found = match.filter((code) => !isWhiteSpace(code));
  const bound = Math.floor(letters.length / 2);
  if (Math.abs(found.length - letters.length) > bound) return false;
  return editDistances(letters, found, 0, found.length, true)[found.length] <= bound;
}

/** Edit distance of `affix` to the best-fitting run of text starting at `text[0]`. */
function affixErrors(affix: Int32Array, text: Int32Array): number {
  if (affix.length === 0) return 0;
  return closestPrefix(affix, text, affix.length).errors;
}

function windowAround(center: number, width: number, total: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(total - width, center - Math.floor(width / 2)));
  return { from, to: Math.min(total, from + width) };
}

function codePointsOf(index: CodePointIndex): Int32Array {
  let points = codePointCache.get(index);
  if (points === undefined) {
    points = toCodePoints(index.text);
    codePointCache.set(index, points);
  }
  return points;
}
