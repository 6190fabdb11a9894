/**
 * Line numbers of mentions, worked out from the text only when shown (the index stores none).
 * Lines end at LF, CRLF or a lone CR, as in VS Code; offsets count code points (decoded text,
 * BOM removed). Results are 1-based, as people read them.
 */

/** The 1-based line holding a code-point offset; offsets past the end give the last line. */
export function lineOf(text: string, codePointOffset: number): number {
  let line = 1;
  let points = 0;
  for (let index = 0; index < text.length && points < codePointOffset; index++, points++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) line++;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLow(text.charCodeAt(index + 1))) index++;
  }
  return line;
}

/** Many lookups in one text: one pass, then a binary search per offset. */
export class LineIndex {
  /** Code-point offset at which each line after the first starts. */
  private readonly starts: number[] = [];

  constructor(text: string) {
    let points = 0;
    for (let index = 0; index < text.length; index++, points++) {
      const unit = text.charCodeAt(index);
      if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) this.starts.push(points + 1);
      else if (unit >= 0xd800 && unit <= 0xdbff && isLow(text.charCodeAt(index + 1))) index++;
    }
  }

  get lineCount(): number {
    return this.starts.length + 1;
  }

  lineOf(codePointOffset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] <= codePointOffset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
