import { codePointLength } from '../text/codePoints';

/**
 * Turns a UTF-16 offset in a text (what the yaml library reports) into the 1-based line and
 * code-point column that `Problem` carries. Line starts are found once, so each lookup is a
 * binary search plus a count over one line.
 */
export class SourcePositions {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low];
    return { line: low + 1, column: codePointLength(this.text.slice(lineStart, clamped)) + 1 };
  }
}
