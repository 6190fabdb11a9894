/**
 * Whether a text file's bytes are UTF-8, and if not, where the first byte that is not lies and
 * what the file looks like instead. Offsets in sidecars count code points of the UTF-8 text, so a
 * Latin-1 or UTF-16 file gets offsets that Python (`encoding='utf-8-sig'`) cannot reproduce:
 * `validate` reports such files and the editor refuses to tag them, both with the `iconv` line
 * that converts them.
 */

/** What a file that is not UTF-8 looks like, named as `iconv -f` spells it. */
export type LikelyEncoding = 'UTF-16LE' | 'UTF-16BE' | 'UTF-16' | 'WINDOWS-1252' | 'ISO-8859-1' | 'unknown';

export type EncodingCheck =
  | { readonly utf8: true }
  | {
      readonly utf8: false;
      readonly likely: LikelyEncoding;
      /** Byte offset of the first byte that is not UTF-8 text (a NUL counts, in UTF-16). */
      readonly byteOffset: number;
      readonly byte: number;
      /** 1-based line and column (code points, as in Problems) of that byte. */
      readonly line: number;
      readonly column: number;
    };

const utf8: EncodingCheck = { utf8: true };
const sampleBytes = 4096;

/**
 * Checks the bytes. `decoded`, the text as decodeText made it, lets valid files (no U+FFFD, no
 * NUL) pass without a second look at every byte.
 */
export function detectEncoding(bytes: Uint8Array, decoded?: string): EncodingCheck {
  if (decoded !== undefined && !decoded.includes('\ufffd') && !decoded.includes('\u0000')) return utf8;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // With its byte-order mark, `iconv -f UTF-16` reads either order and drops the mark.
    return notUtf8(bytes, 0, 'UTF-16');
  }
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) return notUtf8(bytes, bytes.indexOf(0), utf16);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return utf8;
  return notUtf8(bytes, bad, singleByteGuess(bytes));
}

/** The `iconv` command that converts a file in place, for messages. */
export function iconvCommand(likely: LikelyEncoding, fileName: string): string {
  const from = likely === 'unknown' ? 'ENCODING' : likely;
  const quoted = shellQuote(fileName);
  const converted = shellQuote(fileName + '.utf8');
  return `iconv -f ${from} -t UTF-8 ${quoted} > ${converted} && mv ${converted} ${quoted}`;
}

/** A sentence for people: what the file looks like, where, and how to convert it. */
export function describeEncoding(check: Exclude<EncodingCheck, { utf8: true }>, fileName: string): string {
  const looks = {
    'UTF-16LE': 'UTF-16 (little-endian, no byte-order mark)',
    'UTF-16BE': 'UTF-16 (big-endian, no byte-order mark)',
    'UTF-16': 'UTF-16 (it starts with a UTF-16 byte-order mark)',
    'WINDOWS-1252': 'Windows-1252 (Western European)',
    'ISO-8859-1': 'Latin-1 (ISO-8859-1)',
    unknown: 'an unknown encoding',
  }[check.likely];
  const byte = `0x${check.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const convert = check.likely === 'unknown' ? `find its encoding (file -i), then convert it: ${iconvCommand(check.likely, fileName)}` : `convert it: ${iconvCommand(check.likely, fileName)}`;
  return `The text is not UTF-8 (byte ${byte} at byte offset ${check.byteOffset}); it looks like ${looks}. Offsets would not match what Python reads; ${convert}`;
}

function notUtf8(bytes: Uint8Array, offset: number, likely: LikelyEncoding): EncodingCheck {
  const { line, column } = bytePosition(bytes, offset);
  return { utf8: false, likely, byteOffset: offset, byte: bytes[offset] ?? 0, line, column };
}

/** UTF-16 without a byte-order mark: NUL bytes at every other offset of an ASCII-heavy start. */
function utf16Order(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const length = Math.min(bytes.length, sampleBytes) & ~1;
  if (length < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      // No overlong forms, no surrogates.
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      // No overlong forms, nothing above U+10FFFF.
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next <= needed; next++) {
      const byte = bytes[index + next];
      if (byte === undefined) return index;
      if (next === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return index;
    }
    index += needed + 1;
  }
  return -1;
}

/** A file that is not UTF-8 and not UTF-16: a Western single-byte encoding, unless it holds NULs. */
function singleByteGuess(bytes: Uint8Array): LikelyEncoding {
  let windows = false;
  for (const byte of bytes) {
    if (byte === 0) return 'unknown';
    // 0x80-0x9F are controls in Latin-1 but curly quotes, dashes and € in Windows-1252, which
    // leaves five of them undefined.
    if (byte >= 0x80 && byte <= 0x9f) {
      if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) return 'ISO-8859-1';
      windows = true;
    }
  }
  return windows ? 'WINDOWS-1252' : 'ISO-8859-1';
}

/** Line and column of a byte; the bytes before it are UTF-8 (or ASCII), so columns count code points. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let line = 1;
  let column = 1;
  for (let index = bom ? 3 : 0; index < offset; index++) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if ((byte & 0xc0) !== 0x80) {
      column++;
    }
  }
  return { line, column };
}

function shellQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
