import { detectEncoding, type EncodingCheck } from './detectEncoding';
import { sha256Hex } from './sha256';

// Re-exported: the store and the index take the hash from here, beside decoding.
export { sha256Hex };

/**
 * How a text file ends its lines. Offsets count every character as stored, so a CRLF is two code
 * points; the newline style is reported so callers can warn about tools that count it as one.
 * `mixed` also covers lone CR (old Mac) line endings, which neither `lf` nor `crlf` describes.
 */
export type Newline = 'lf' | 'crlf' | 'mixed' | 'none';

export interface DecodedText {
  /** Decoded UTF-8 with the byte-order mark removed and line endings untouched. */
  readonly text: string;
  readonly bom: boolean;
  readonly newline: Newline;
  /** Lowercase hex SHA-256 of the raw bytes as stored (BOM included): what `sha256sum` prints. */
  readonly sha256: string;
  /** Whether the bytes are UTF-8; if not, where they stop being and what they look like. */
  readonly encoding: EncodingCheck;
}

// `ignoreBOM: true` keeps the decoder from swallowing a BOM itself: we strip exactly one leading
// BOM by hand, as Python's `utf-8-sig` does, so a second one stays in the text as U+FEFF.
// Not `fatal`: invalid bytes become U+FFFD instead of an exception.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes a file's bytes the way Python's `open(path, encoding='utf-8-sig', newline='')` does, so
 * that code-point offsets over `text` agree with Python's `text[start:end]`. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = hasBom(bytes);
  const text = textOf(bytes);
  return { text, bom, newline: detectNewline(text), sha256: sha256Hex(bytes), encoding: detectEncoding(bytes, text) };
}

/**
 * The text alone, as `decodeText` gives it, without the hash and the checks: for readers that
 * only look (suggest's first pass hashed 20 MB of texts for nothing).
 */
export function textOf(bytes: Uint8Array): string {
  return decoder.decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function detectNewline(text: string): Newline {
  let crlf = false;
  let other = false;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    if (index > 0 && text.charCodeAt(index - 1) === 0x0d) crlf = true;
    else other = true;
    if (crlf && other) return 'mixed';
  }
  // A CR not followed by LF is a line ending of its own (old Mac style), reported as `mixed`.
  for (let index = text.indexOf('\r'); index >= 0; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== 0x0a) return 'mixed';
  }
  return crlf ? 'crlf' : other ? 'lf' : 'none';
}
