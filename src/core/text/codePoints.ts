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
  /** The text, once it is one string (see `edited`). */
  private whole: string | undefined;
  /** Otherwise the pieces whose concatenation is the text. */
  private pieces: string[] | undefined;

  /** `astralStarts` is for `edited` only: where the astral characters of `text` are, known already. */
  constructor(text: string | string[], astralStarts?: number[]) {
    if (typeof text === 'string') this.whole = text;
    else this.pieces = text;
    this.utf16Length = typeof text === 'string' ? text.length : text.reduce((sum, piece) => sum + piece.length, 0);
    this.astralStarts = astralStarts ?? astralStartsIn(this.text, 0, this.utf16Length);
    this.codePointLength = this.utf16Length - this.astralStarts.length;
  }

  /** The text. After `edited`, joined from its pieces the first time it is asked for. */
  get text(): string {
    if (this.whole === undefined) {
      this.whole = this.pieces!.join('');
      this.pieces = undefined;
    }
    return this.whole;
  }

  /**
   * The index of this text with UTF-16 [start, end) replaced by `inserted`, without scanning the
   * whole text again: what a keystroke in a 2 MB article needs. Whether two code units form an
   * astral character depends on those two units alone, so only the pairs that could touch the
   * edit (from one unit before it to the end of the inserted text) are looked for again; the
   * others keep their place or move by the change in length. The new text is kept as pieces
   * (slices of the old one share its memory) and joined only when read: building a 2 MB string
   * on every keystroke cost more than everything else a keystroke does.
   */
  edited(start: number, end: number, inserted: string): CodePointIndex {
    const from = clamp(start, 0, this.utf16Length);
    const to = clamp(end, from, this.utf16Length);
    const old = this.whole !== undefined ? [this.whole] : this.pieces!;
    const before = cut(old, 0, from);
    const after = cut(old, to, this.utf16Length);
    // Too many pieces make every later edit walk them: join now and then (every 64 edits or so).
    const pieces = before.length + after.length > 128 ? [before.join(''), inserted, after.join('')] : [...before, inserted, ...after];
    const delta = inserted.length - (to - from);
    const starts = this.astralStarts;
    // Pairs wholly before the edit: their low half is before `from`.
    const kept = firstAtLeast(starts, from - 1);
    // Pairs wholly after it: their high half is at or after `to`.
    const moved = firstAtLeast(starts, to);
    // The new text from one unit before the edit to one unit after what was inserted.
    const window = `${from > 0 ? charAt(old, from - 1) : ''}${inserted}${to < this.utf16Length ? charAt(old, to) : ''}`;
    const windowStart = from > 0 ? from - 1 : 0;
    const found = astralStartsIn(window, 0, Math.min(window.length, from - windowStart + inserted.length));
    const result = new Array<number>(kept + found.length + starts.length - moved);
    let at = 0;
    for (let index = 0; index < kept; index++) result[at++] = starts[index];
    for (const position of found) result[at++] = windowStart + position;
    for (let index = moved; index < starts.length; index++) result[at++] = starts[index] + delta;
    return new CodePointIndex(pieces, result);
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

/** The pieces covering UTF-16 [from, to) of the text the pieces make (slices share memory). */
function cut(pieces: readonly string[], from: number, to: number): string[] {
  const result: string[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const end = offset + piece.length;
    if (end > from && offset < to) result.push(offset >= from && end <= to ? piece : piece.slice(Math.max(0, from - offset), Math.min(piece.length, to - offset)));
    offset = end;
    if (offset >= to) break;
  }
  return result;
}

/** The UTF-16 unit at `offset` of the text the pieces make, as a string. */
function charAt(pieces: readonly string[], offset: number): string {
  let start = 0;
  for (const piece of pieces) {
    if (offset < start + piece.length) return piece[offset - start];
    start += piece.length;
  }
  return '';
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
