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
  private readonly astralStarts: number[];
  readonly utf16Length: number;
  readonly codePointLength: number;

  /** `astralStarts` is for `edited` only: where the astral characters of `text` are, known already. */
  constructor(readonly text: string, astralStarts?: number[]) {
    this.astralStarts = astralStarts ?? astralStartsIn(text, 0, text.length);
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astralStarts.length;
  }

  /**
   * The index of this text with UTF-16 [start, end) replaced by `inserted`, without scanning the
   * whole text again: what a keystroke in a 2 MB article needs. Whether two code units form an
   * astral character depends on those two units alone, so only the pairs that could touch the
   * edit (from one unit before it to the end of the inserted text) are looked for again; the
   * others keep their place or move by the change in length.
   */
  edited(start: number, end: number, inserted: string): CodePointIndex {
    const from = clamp(start, 0, this.utf16Length);
    const to = clamp(end, from, this.utf16Length);
    const text = this.text.slice(0, from) + inserted + this.text.slice(to);
    const delta = inserted.length - (to - from);
    const starts = this.astralStarts;
    // Pairs wholly before the edit: their low half is before `from`.
    const before = firstAtLeast(starts, from - 1);
    // Pairs wholly after it: their high half is at or after `to`.
    const after = firstAtLeast(starts, to);
    const rescanned = astralStartsIn(text, Math.max(0, from - 1), from + inserted.length);
    const moved = new Array<number>(before + rescanned.length + starts.length - after);
    let at = 0;
    for (let index = 0; index < before; index++) moved[at++] = starts[index];
    for (const position of rescanned) moved[at++] = position;
    for (let index = after; index < starts.length; index++) moved[at++] = starts[index] + delta;
    return new CodePointIndex(text, moved);
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

/** UTF-16 offsets in [from, to) where an astral character (a high then a low surrogate) starts. */
function astralStartsIn(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let index = from; index < to; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        starts.push(index);
        index++;
      }
    }
  }
  return starts;
}

/** The first index of an ascending list whose value is at least `value` (the length if none). */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
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
