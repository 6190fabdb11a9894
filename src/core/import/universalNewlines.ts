/**
 * brat reads text files with Python's universal newlines, so on a CRLF file it counts each CRLF
 * as one character (brat #853) and every offset after the first line break is short by one per
 * line. This maps such offsets back to offsets in the text as stored.
 */
export function universalToStored(text: string): ((offset: number) => number) | undefined {
  // Positions, in the universal-newline view, of the LF that stands for each CRLF.
  const pairs: number[] = [];
  let codePoint = 0;
  let previousCr = false;
  for (const character of text) {
    if (previousCr && character === '\n') pairs.push(codePoint - 1 - pairs.length);
    previousCr = character === '\r';
    codePoint++;
  }
  if (pairs.length === 0) return undefined;
  return (offset) => {
    let low = 0;
    let high = pairs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (pairs[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  };
}
