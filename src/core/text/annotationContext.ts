import { CodePointIndex } from './codePoints';

/**
 * Code points of context stored on each side of an annotation. Hypothesis uses 32: enough to tell
 * repeated names apart by their surroundings, short enough to keep sidecars readable.
 */
export const contextLength = 32;

/**
 * prefix = up to 32 code points before start, suffix = up to 32 code points after end. Offsets in
 * code points; out-of-range offsets are clamped (never throws), so a span at the start of the
 * text gets a shorter prefix and one at the end a shorter suffix.
 */
export function annotationContext(
  index: CodePointIndex,
  start: number,
  end: number,
): { prefix: string; suffix: string } {
  const length = index.codePointLength;
  const from = clamp(start, 0, length);
  const to = clamp(end, from, length);
  return {
    prefix: index.slice(Math.max(0, from - contextLength), from),
    suffix: index.slice(to, Math.min(length, to + contextLength)),
  };
}

function clamp(value: number, low: number, high: number): number {
  const whole = Math.floor(value);
  if (Number.isNaN(whole)) return low;
  return whole < low ? low : whole > high ? high : whole;
}
