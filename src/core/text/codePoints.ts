/**
 * Offsets in sidecars count Unicode code points (what Python's `str` indexes); VS Code counts
 * UTF-16 code units. This module is the one place that converts between the two.
 *
 * Converting one offset costs a scan of the text up to it; `CodePointIndex` precomputes where the
 * astral characters (the only ones that differ) are, so each conversion after that is a binary
 * search, which matters when a document carries thousands of annotations.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every astral character, ascending. */
  private readonly astralStarts: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astralStarts.push(index);
          index++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astralStarts.length;
  }

  /** Code-point offset of a UTF-16 offset. An offset inside a surrogate pair rounds down. */
  toCodePoint(utf16Offset: number): number {
    const offset = clamp(utf16Offset, 0, this.utf16Length);
    // Every surrogate pair that starts before `offset` counts one code point less.
    let low = 0;
    let high = this.astralStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.astralStarts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    // An offset between the two halves of a pair counts that pair too, which rounds it down
    // to the start of the astral character.
    return offset - low;
  }

  /** UTF-16 offset of a code-point offset; offsets past the end clamp to the end. */
  toUtf16(codePointOffset: number): number {
    const offset = clamp(codePointOffset, 0, this.codePointLength);
    // The answer is offset + (astral characters wholly before it); find that count by search.
    let low = 0;
    let high = this.astralStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      // The astral character at astralStarts[middle] starts at code point astralStarts[middle] - middle.
      if (this.astralStarts[middle] - middle < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  }

  /** The text between two code-point offsets, like Python's `text[start:end]`. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** Number of code points in a string (lone surrogates count one each, as in Python). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index + 1 < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

/**
 * Offsets come from sidecars that people edit by hand, so a fractional offset rounds down (as a
 * split surrogate does) and NaN counts as 0, rather than leaking NaN into slices and searches.
 */
function clamp(value: number, low: number, high: number): number {
  const whole = Math.floor(value);
  if (Number.isNaN(whole)) return low;
  return whole < low ? low : whole > high ? high : whole;
}
