/**
 * Strict UTF-8 decoding over Node's own converters, for the bulk reads of a corpus. A sidecar is
 * mostly ASCII with a few letters beyond Latin-1, which makes its text a two-byte string; for
 * such bytes `TextDecoder` (V8's decoder, on Node 20) decoded 58 MB of sidecars in about 300 ms,
 * while validating them (simdutf) and converting them to UTF-16 (ICU) then copying the units took
 * about 120 ms (docs/performance.md). The result is the same string: a property test compares them.
 */
import { isUtf8, transcode } from 'node:buffer';
import { decodeStrictUtf8, type StrictUtf8Decoder } from '../core/text/strictUtf8';

export const decodeUtf8Fast: StrictUtf8Decoder = (bytes) => {
  if (!isUtf8(bytes)) return undefined;
  if (bytes.length === 0) return '';
  let units: Buffer;
  try {
    units = transcode(bytes, 'utf8', 'utf16le');
  } catch {
    // A Node built without ICU cannot transcode.
    return decodeStrictUtf8(bytes);
  }
  const text = units.toString('utf16le');
  // TextDecoder (not told to ignore it) drops one leading byte-order mark; so do we.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
