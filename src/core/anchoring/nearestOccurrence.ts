import { CodePointIndex, codePointLength } from '../text/codePoints';

/**
 * Occurrences looked at before settling for the best seen so far. They are visited nearest
 * first, so the cap only cuts off far-away copies of a very common quote whose context changed.
 */
const occurrenceLimit = 10_000;

export interface Occurrence {
  /** Code-point offset of the occurrence. */
  readonly start: number;
  /** Code points of the stored prefix and suffix that match around it. */
  readonly score: number;
  /** Whether all of the stored prefix and suffix match around it. */
  readonly perfect: boolean;
}

/**
 * The exact occurrence of `quote` that best fits the stored context, in code points.
 * Score = code points of `prefix` that match right before the occurrence plus code points of
 * `suffix` that match right after it; ties go to the occurrence nearest `oldStart` (and, at
 * equal distance, to the later one, since text inserted before a span pushes it forward).
 * Occurrences are visited in order of distance, so the search stops at the first one whose
 * context matches completely: no farther occurrence can beat it.
 */
export function nearestOccurrence(
  index: CodePointIndex,
  quote: string,
  oldStart: number,
  prefix: string,
  suffix: string,
): Occurrence | undefined {
  const text = index.text;
  const perfect = codePointLength(prefix) + codePointLength(suffix);
  const origin = index.toUtf16(oldStart);
  const center = index.toCodePoint(origin);
  let forward = text.indexOf(quote, origin);
  // lastIndexOf treats a negative position as 0, which would find an occurrence at 0 twice.
  let backward = origin > 0 ? text.lastIndexOf(quote, origin - 1) : -1;
  let bestStart: number | undefined;
  let bestScore = -1;
  for (let visited = 0; (forward >= 0 || backward >= 0) && visited < occurrenceLimit; visited++) {
    let found: number;
    let start: number;
    const forwardStart = forward >= 0 ? index.toCodePoint(forward) : -1;
    const backwardStart = backward >= 0 ? index.toCodePoint(backward) : -1;
    if (backward < 0 || (forward >= 0 && forwardStart - center <= center - backwardStart)) {
      found = forward;
      start = forwardStart;
      forward = text.indexOf(quote, forward + 1);
    } else {
      found = backward;
      start = backwardStart;
      backward = backward > 0 ? text.lastIndexOf(quote, backward - 1) : -1;
    }
    if (!onBoundary(text, found) || !onBoundary(text, found + quote.length)) continue;
    const score = contextScore(text, found, found + quote.length, prefix, suffix);
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
      if (score === perfect) break;
    }
  }
  return bestStart === undefined ? undefined : { start: bestStart, score: bestScore, perfect: bestScore === perfect };
}

/** Whether the stored prefix and suffix both match around UTF-16 range [from, to). */
export function contextFits(text: string, from: number, to: number, prefix: string, suffix: string): boolean {
  return text.startsWith(suffix, to) && from >= prefix.length && text.startsWith(prefix, from - prefix.length);
}

/** Code points of `prefix` matching right before UTF-16 offset `from` plus those of `suffix` right after `to`. */
export function contextScore(text: string, from: number, to: number, prefix: string, suffix: string): number {
  return matchedBefore(text, from, prefix) + matchedAfter(text, to, suffix);
}

/** False between the halves of a surrogate pair, where no code-point offset can point. */
function onBoundary(text: string, offset: number): boolean {
  return !(isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1)));
}

/** Code points at the end of `prefix` equal to the text right before `offset`. */
function matchedBefore(text: string, offset: number, prefix: string): number {
  let units = 0;
  while (
    units < prefix.length &&
    units < offset &&
    text.charCodeAt(offset - 1 - units) === prefix.charCodeAt(prefix.length - 1 - units)
  ) {
    units++;
  }
  // Half an astral character is no match: drop a low surrogate whose high half differed.
  if (units > 0 && units < prefix.length && isLow(prefix.charCodeAt(prefix.length - units))) units--;
  return codePointLength(prefix.slice(prefix.length - units));
}

/** Code points at the start of `suffix` equal to the text from `offset` on. */
function matchedAfter(text: string, offset: number, suffix: string): number {
  let units = 0;
  while (
    units < suffix.length &&
    offset + units < text.length &&
    text.charCodeAt(offset + units) === suffix.charCodeAt(units)
  ) {
    units++;
  }
  if (units > 0 && units < suffix.length && isHigh(suffix.charCodeAt(units - 1))) units--;
  return codePointLength(suffix.slice(0, units));
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
