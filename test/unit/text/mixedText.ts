import fc from 'fast-check';

/**
 * Pieces that break naive offset code: ASCII, BMP letters, astral emoji and CJK (two UTF-16
 * units, one code point), flags and ZWJ sequences (several code points, one glyph), combining
 * marks, CRLF and LF, right-to-left scripts and a right-to-left mark.
 */
export const trickyPieces: readonly string[] = [
  'a', 'b', 'Z', ' ', '.', 'the', 'Obama',
  '\u00e9', '\u00df', '\u6771', '\u4eac',
  '\u{1F600}', '\u{1F44B}', '\u{20BB7}', '\u{1F1EB}\u{1F1F7}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  'e\u0301', '\u0301',
  '\r\n', '\n', '\r',
  '\u0645\u062d\u0645\u062f', '\u05e9\u05dc\u05d5\u05dd', '\u200f',
];

/** A string built from tricky pieces. */
export function trickyText(maxPieces = 60): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...trickyPieces), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/**
 * Any code points at all, lone surrogate halves included (String.fromCodePoint of 0xD800-0xDFFF
 * gives a lone half). Cheaper to set up than fast-check's 'binary' unit.
 */
export function anyText(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength }).map((points) => String.fromCodePoint(...points));
}

/** Indexes of the UTF-16 units that are the low half of a surrogate pair. */
export function splitPositions(text: string): number[] {
  const positions: number[] = [];
  for (let index = 1; index < text.length; index++) {
    const high = text.charCodeAt(index - 1);
    const low = text.charCodeAt(index);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) positions.push(index);
  }
  return positions;
}
