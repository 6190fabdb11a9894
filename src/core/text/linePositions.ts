
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

  constructor(private readonly content: string) {
    for (let index = 0; index < content.length; index++) {
      const unit = content.charCodeAt(index);
      if (unit === 0x0a) this.lineStarts.push(index + 1);
      else if (unit === 0x0d && content.charCodeAt(index + 1) !== 0x0a) this.lineStarts.push(index + 1);
    }
  }

  /** Position of a UTF-16 offset into the content. */
  at(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.content.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low];
    let column = 1;
    for (let index = lineStart; index < clamped; index++) {
      const unit = this.content.charCodeAt(index);
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < clamped) {
        const next = this.content.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index++;
      }
      column++;
    }
    return { line: low + 1, column };
  }
}
