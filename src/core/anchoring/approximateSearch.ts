/**
 * Approximate string matching over code points (Myers' bit-parallel edit distance, in the
 * block form Hyyrö described): one pass over the text costs ceil(m / 32) word operations per
 * code point for a pattern of m code points, with no limit on the number of errors.
 */

const zeroMasks = new Int32Array(0);

/** The code points of a string; a lone surrogate counts as one, as in `CodePointIndex`. */
export function toCodePoints(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        points[count++] = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        index++;
        continue;
      }
    }
    points[count++] = unit;
  }
  return points.subarray(0, count);
}

/** Number of 32-bit blocks a pattern needs: the cost factor of a search. */
export function blockCount(patternLength: number): number {
  return Math.max(1, Math.ceil(patternLength / 32));
}

/**
 * Edit distances between `pattern` and the text ending at each position of `text[from, to)`.
 * Entry k is for the text ending at `from + k` (k = 0 .. to - from).
 * - `anchored: false` (search): the best match may start anywhere at or after `from`.
 * - `anchored: true`: the match must start exactly at `from` (plain Levenshtein of a prefix).
 */
export function editDistances(
  pattern: ArrayLike<number>,
  text: ArrayLike<number>,
  from: number,
  to: number,
  anchored: boolean,
): Int32Array {
  const length = pattern.length;
  const distances = new Int32Array(Math.max(0, to - from) + 1);
  if (length === 0) {
    // Empty pattern: free start matches nothing at no cost; anchored costs the text consumed.
    if (anchored) for (let k = 0; k < distances.length; k++) distances[k] = k;
    return distances;
  }
  const blocks = blockCount(length);
  const masks = patternMasks(pattern, blocks);
  const positive = new Int32Array(blocks).fill(-1); // vertical +1 deltas: column 0 is 0, 1, 2, ...
  const negative = new Int32Array(blocks); // vertical -1 deltas
  const lastBit = 1 << ((length - 1) & 31); // bit of the pattern's last row in the last block
  const topCarry = anchored ? 1 : 0; // horizontal delta of row 0: +1 anchored, 0 when the start is free
  let score = length;
  distances[0] = score;
  for (let column = from; column < to; column++) {
    const equal = masks.get(text[column]) ?? zeroMasks;
    let carry = topCarry;
    for (let block = 0; block < blocks; block++) {
      const pv = positive[block];
      const mv = negative[block];
      let eq = equal.length > 0 ? equal[block] : 0;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = block === blocks - 1 ? lastBit : 1 << 31;
      const out = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      positive[block] = mh | ~(xv | ph);
      negative[block] = ph & xv;
      carry = out;
    }
    score += carry;
    distances[column - from + 1] = score;
  }
  return distances;
}

/**
 * The length of the prefix of `text` closest to `pattern` (anchored at text[0], free end), and its
 * edit distance; ties go to the length nearest `preferredLength`.
 */
export function closestPrefix(
  pattern: ArrayLike<number>,
  text: ArrayLike<number>,
  preferredLength: number,
): { length: number; errors: number } {
  const distances = editDistances(pattern, text, 0, text.length, true);
  let best = 0;
  for (let length = 1; length < distances.length; length++) {
    const better = distances[length] < distances[best];
    const tie = distances[length] === distances[best];
    if (better || (tie && Math.abs(length - preferredLength) < Math.abs(best - preferredLength))) best = length;
  }
  return { length: best, errors: distances[best] };
}

function patternMasks(pattern: ArrayLike<number>, blocks: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  for (let row = 0; row < pattern.length; row++) {
    const point = pattern[row];
    let mask = masks.get(point);
    if (mask === undefined) {
      mask = new Int32Array(blocks);
      masks.set(point, mask);
    }
    mask[row >>> 5] |= 1 << (row & 31);
  }
  return masks;
}
