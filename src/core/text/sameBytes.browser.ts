/**
 * Whether two byte arrays hold the same bytes, in pure TypeScript, for the browser build (no
 * `node:buffer` there; scripts/browserBundle.mjs puts this module in place of sameBytes.ts). The
 * store asks this of whole sidecars on every write (a megabyte in a long article), so the bulk is
 * compared four bytes at a time when both arrays sit at the same alignment (fresh reads and
 * encodings do); a byte loop took about as long as hashing the same bytes. (Unrolled eight words
 * at a time it was a third faster again, but a write through `workspace.fs` takes far longer
 * than either, and the browser bundle has little room: see docs/performance.md.)
 */
export function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  if (left === right) return true;
  let index = 0;
  const length = left.length;
  if (length >= 64 && left.byteOffset % 4 === right.byteOffset % 4) {
    // Bytes up to the first word boundary, then whole words, then the tail below.
    while ((left.byteOffset + index) % 4 !== 0) {
      if (left[index] !== right[index]) return false;
      index++;
    }
    const words = (length - index) >>> 2;
    const leftWords = new Int32Array(left.buffer, left.byteOffset + index, words);
    const rightWords = new Int32Array(right.buffer, right.byteOffset + index, words);
    for (let word = 0; word < words; word++) if (leftWords[word] !== rightWords[word]) return false;
    index += words * 4;
  }
  for (; index < length; index++) if (left[index] !== right[index]) return false;
  return true;
}
