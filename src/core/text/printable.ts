/**
 * Text from files (a sidecar's quoted `text`, a file name, a pattern) made safe to show on one line
 * of a terminal, a CI log or an editor label: every character that could move the cursor, change
 * colours, end the line or reorder what follows is written as a visible escape instead.
 *
 * Escaped: C0 controls and DEL (`\n`, `\r`, `\t`, else `\x1b` style), C1 controls (U+0080-U+009F,
 * which some terminals read as escape sequences), the line and paragraph separators U+2028 and
 * U+2029, the bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C,
 * U+202A-U+202E, U+2066-U+2069: "Trojan Source" reordering), and lone surrogates. Everything else,
 * accents, CJK and emoji included, is left as it is.
 */
// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(unsafe, (character) => named[character] ?? escapeCode(character.charCodeAt(0)));
}

/** Whether `printable` would change the text. */
export function isPrintable(text: string): boolean {
  unsafe.lastIndex = 0;
  const found = unsafe.test(text);
  unsafe.lastIndex = 0;
  return !found;
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
