
/** A 1-based line and a 1-based column counting code points, as `Problem` carries them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Line and column of offsets in a file's text (the yaml library reports UTF-16 offsets). Lines end at LF, CRLF or a lone CR (as in YAML
 * and in VS Code); columns count code points, as the `Problem` type promises.
 */
export class LinePositions {
  private readonly lineStarts: number[] = [0];
  /** Where each surrogate pair starts, ascending: a column counts a pair once, by index, not by scanning the line. */
  private readonly pairStarts: number[] = [];

  constructor(private readonly content: string) {
    for (let index = 0; index < content.length; index++) {
      const unit = content.charCodeAt(index);
      if (unit === 0x0a) this.lineStarts.push(index + 1);
      else if (unit === 0x0d && content.charCodeAt(index + 1) !== 0x0a) this.lineStarts.push(index + 1);
      else if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = content.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.pairStarts.push(index++);
      }
    }
  }

  /** Position of a UTF-16 offset into the content. */
  at(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.content.length));
    const line = lastAtOrBefore(this.lineStarts, clamped);
    const lineStart = this.lineStarts[line];
    // A pair whose second half is at or after `clamped` still counts as one column (the offset
    // points into it); only pairs wholly before the offset count one column for two units.
    const pairs = countBelow(this.pairStarts, clamped - 1) - countBelow(this.pairStarts, lineStart);
    return { line: line + 1, column: 1 + clamped - lineStart - pairs };
  }
}

/** Index of the last value <= `target` in an ascending list whose first value is <= it. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (values[middle] <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** How many values of an ascending list are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
