/**
 * One JSON value on one line. JSON.stringify leaves U+0085, U+2028 and U+2029 raw, and Python's
 * `str.splitlines()` (and some editors) break lines there, so they are escaped: a reader that
 * splits a JSONL file on any line break still gets one record per line.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'));
}
