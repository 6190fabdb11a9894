/**
 * Whether two byte arrays hold the same bytes, in pure TypeScript, for the browser build (no
 * `node:buffer` there; scripts/browserBundle.mjs puts this module in place of sameBytes.ts). The
 * store asks this of whole sidecars on every write (a megabyte in a long article), so the bulk is
 * compared four bytes at a time when both arrays sit at the same alignment (fresh reads and
 * encodings do); a byte loop took about as long as hashing the same bytes.
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
    // Eight words per test: a third faster than one, in V8.
    const unrolled = words - (words % 8);
    let word = 0;
    for (; word < unrolled; word += 8) {
      const differences =
        (leftWords[word] ^ rightWords[word]) |
        (leftWords[word + 1] ^ rightWords[word + 1]) |
        (leftWords[word + 2] ^ rightWords[word + 2]) |
        (leftWords[word + 3] ^ rightWords[word + 3]) |
        (leftWords[word + 4] ^ rightWords[word + 4]) |
        (leftWords[word + 5] ^ rightWords[word + 5]) |
        (leftWords[word + 6] ^ rightWords[word + 6]) |
        (leftWords[word + 7] ^ rightWords[word + 7]);
      if (differences !== 0) return false;
    }
    for (; word < words; word++) if (leftWords[word] !== rightWords[word]) return false;
    index += words * 4;
  }
  for (; index < length; index++) if (left[index] !== right[index]) return false;
  return true;
}
