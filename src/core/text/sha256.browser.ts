/**
 * Lowercase hex SHA-256 (FIPS 180-4) in pure TypeScript, for the browser build, where
 * `node:crypto` does not exist. Web Crypto (`crypto.subtle.digest`) would be native, but it only
 * answers with a promise, and the store hashes synchronously in the middle of its reads (a file's
 * version, the decoded-text cache): making that async would ripple through the whole core for
 * files that are a few kilobytes. scripts/browserBundle.mjs puts this module in place of sha256.ts
 * in dist/web/extension.js; test/unit/text/sha256.test.ts checks it against node:crypto.
 */

/** The first 32 bits of the fractional part of each number's `root`th root (FIPS 180-4, 4.2.2 and 5.3.3). */
function fractionBits(numbers: readonly number[], root: number): number[] {
  // Exact in float64: each root's fraction is held to about 49 bits, and none of the 72 lies
  // within a fortieth of a step of a 32-bit boundary. The tests compare every digest with
  // node:crypto's. Computed rather than listed: the table cost the browser bundle half a kilobyte.
  return numbers.map((number) => Math.floor((number ** (1 / root) % 1) * 0x1_0000_0000));
}

const primes: number[] = [];
for (let candidate = 2; primes.length < 64; candidate++) if (primes.every((prime) => candidate % prime !== 0)) primes.push(candidate);

// The cube roots of the first 64 primes, and the square roots of the first 8.
const roundConstants = Uint32Array.from(fractionBits(primes, 3));
const initialState = fractionBits(primes.slice(0, 8), 2);

const encoder = new TextEncoder();
const schedule = new Uint32Array(64);

function rotateRight(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}

/** Lowercase hex SHA-256; strings are hashed as their UTF-8 bytes. */
export function sha256Hex(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  // The message, a 1 bit, zeros up to 56 bytes modulo 64, then its length in bits (64-bit big endian).
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bitLength = bytes.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x1_0000_0000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const state = [...initialState];
  for (let block = 0; block < blocks; block++) {
    for (let word = 0; word < 16; word++) schedule[word] = view.getUint32(block * 64 + word * 4);
    for (let word = 16; word < 64; word++) {
      const before15 = schedule[word - 15];
      const before2 = schedule[word - 2];
      const sigma0 = rotateRight(before15, 7) ^ rotateRight(before15, 18) ^ (before15 >>> 3);
      const sigma1 = rotateRight(before2, 17) ^ rotateRight(before2, 19) ^ (before2 >>> 10);
      schedule[word] = (schedule[word - 16] + sigma0 + schedule[word - 7] + sigma1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = state;
    for (let round = 0; round < 64; round++) {
      const sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25);
      const choice = (e & f) ^ (~e & g);
      const first = (h + sum1 + choice + roundConstants[round] + schedule[round]) | 0;
      const sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const second = (sum0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + first) | 0;
      d = c;
      c = b;
      b = a;
      a = (first + second) | 0;
    }
    state[0] = (state[0] + a) | 0;
    state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0;
    state[3] = (state[3] + d) | 0;
    state[4] = (state[4] + e) | 0;
    state[5] = (state[5] + f) | 0;
    state[6] = (state[6] + g) | 0;
    state[7] = (state[7] + h) | 0;
  }
  return state.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}
