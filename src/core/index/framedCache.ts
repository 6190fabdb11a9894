/**
 * The frame both binary caches share (the index cache, indexCache.ts, and the command line's
 * summaries, summaryCacheFile.ts): a header length and a marker as two Uint32 in the writer's
 * byte order, the header as JSON, then a body of typed numbers from the next multiple of 8. A
 * reader of the other byte order finds no marker and ignores the file, as it would a damaged one.
 */
import { align8, utf8Decoder, utf8Encoder } from './cachedColumns';

/** A file's header and where its body starts; `bytes` is 8-byte aligned, so typed views fit. */
export interface FramedCache {
  readonly header: Record<string, unknown>;
  readonly bytes: Uint8Array;
  readonly bodyAt: number;
}

/** The header encoded, and where the body will start: a buffer of `bodyAt` plus the body's size is filled by `writeFrame`. */
export function frameOf(header: unknown): { encoded: Uint8Array; bodyAt: number } {
  const encoded = utf8Encoder.encode(JSON.stringify(header));
  return { encoded, bodyAt: align8(8 + encoded.length) };
}

export function writeFrame(buffer: ArrayBuffer, frame: { encoded: Uint8Array }, marker: number): void {
  new Uint32Array(buffer, 0, 2).set([frame.encoded.length, marker]);
  new Uint8Array(buffer).set(frame.encoded, 8);
}

/** The frame in `bytes`, or undefined when they are too short, carry another marker or a header that is not a JSON object. */
export function readFrame(bytes: Uint8Array | undefined, marker: number): FramedCache | undefined {
  if (bytes === undefined || bytes.length < 8) return undefined;
  // The typed views need 8-byte alignment; a file read into a pooled buffer may not have it.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const [headerLength, mark] = new Uint32Array(aligned.buffer, aligned.byteOffset, 2);
  if (mark !== marker || 8 + headerLength > aligned.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(utf8Decoder.decode(aligned.subarray(8, 8 + headerLength)));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
  return { header: header as Record<string, unknown>, bytes: aligned, bodyAt: align8(8 + headerLength) };
}
