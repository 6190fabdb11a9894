/**
 * Annotation ids are 8 random characters of lowercase base32 (a-z, 2-7): 40 bits, so two people
 * tagging on two git branches practically never mint the same id, which counters would.
 */
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
export const annotationIdLength = 8;

/** Fills an array with random bytes; replaceable in tests. */
export type RandomBytes = (bytes: Uint8Array) => void;

// Asking the system for 8 bytes at a time costs microseconds a call, most of minting an id when
// `suggest` mints a hundred thousand; the bytes are drawn from a pool refilled 4 KB at a time.
const randomPool = new Uint8Array(4096);
let randomPoolUsed = randomPool.length;

const cryptoRandom: RandomBytes = (bytes) => {
  if (bytes.length > randomPool.length) {
    globalThis.crypto.getRandomValues(bytes);
    return;
  }
  if (randomPoolUsed + bytes.length > randomPool.length) {
    globalThis.crypto.getRandomValues(randomPool);
    randomPoolUsed = 0;
  }
  bytes.set(randomPool.subarray(randomPoolUsed, randomPoolUsed + bytes.length));
  randomPoolUsed += bytes.length;
};

/** What an id must not be: a set of ids, or anything else that answers `has`. */
export interface TakenIds {
  has(id: string): boolean;
}

/** A fresh id that is not in `existing`. */
export function newAnnotationId(existing: TakenIds, random: RandomBytes = cryptoRandom): string {
  const bytes = new Uint8Array(annotationIdLength);
  // With 2^40 ids a clash is all but impossible; the loop only guards against a bad random source.
  for (let attempt = 0; ; attempt++) {
    random(bytes);
    let id = '';
    for (const byte of bytes) id += alphabet[byte & 31];
    if (!existing.has(id)) return id;
    if (attempt >= 1000) {
      // A broken random source (all zeros): fall back to a counter so we still terminate.
      return uniqueFallback(id, existing);
    }
  }
}

function uniqueFallback(base: string, existing: TakenIds): string {
  for (let counter = 2; ; counter++) {
    const id = `${base}-${counter}`;
    if (!existing.has(id)) return id;
  }
}

export function isCanonicalAnnotationId(id: string): boolean {
  return /^[a-z2-7]{8}$/.test(id);
}
