/**
 * Strict UTF-8 decoding, the way sidecars are read: text that is not UTF-8 is refused, never
 * repaired, so a sidecar that would lose bytes is not read (and so never written back).
 */

/** The bytes as text with one leading byte-order mark dropped, or undefined when they are not UTF-8. */
export type StrictUtf8Decoder = (bytes: Uint8Array) => string | undefined;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The decoder every host has. Node offers a faster one (src/node/decodeUtf8Fast.ts), passed in where it matters. */
export const decodeStrictUtf8: StrictUtf8Decoder = (bytes) => {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
};
