/**
 * Regular-expression pieces for an annotation line written the canonical way, shared by the
 * reader's fast path (readCanonicalEntry.ts) and the span reader (readSpans.ts).
 *
 * Most lines hold no `\u` escape: one regular expression takes those whole, about three times
 * faster than checking field by field, which takes the rest. It accepts a subset of what those
 * checks accept (the same raw characters, pairs and short escapes; no `\u`), so where it does not
 * match, the checks decide. Each string is one unrolled loop (a run of plain characters, then a
 * pair or an escape, then a run...): every character can be taken only one way, so a line that
 * fails costs one pass, never a backtracking blow-up. Very long lines go straight to the checks,
 * because the engine's backtracking stack grows with the line and overflows at a few million
 * characters.
 */
import { entryIndent } from './serializeSidecar';

/** A character a canonical string holds raw (what `formatString` does not escape), outside surrogates. */
const plainCharacter = String.raw`[^"\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]`;
const surrogatePair = String.raw`[\ud800-\udbff][\udc00-\udfff]`;
const shortEscape = String.raw`\\["\\bfnrt]`;
/** The inside of a string: runs of plain characters between pairs and short escapes. */
const anyInside = `${plainCharacter}*(?:(?:${surrogatePair}|${shortEscape})${plainCharacter}*)*`;
/** The same, at least one character long. */
const someInside = `(?:${plainCharacter}|${surrogatePair}|${shortEscape})${anyInside}`;
/** A type name: at least one character, no escape (no type is written with one). */
const typeInside = `(?:${plainCharacter}|${surrogatePair})${plainCharacter}*(?:${surrogatePair}${plainCharacter}*)*`;
/** An integer as the writer writes it: no leading zero, at most 15 digits (exact in a double). */
const canonicalInteger = '(0|[1-9][0-9]{0,14})';

/** The optional fields of an annotation line, in the order the writer writes them. */
export const optionalEntryKeys = ['note', 'annotator', 'created', 'prefix', 'suffix'] as const;

/** Lines longer than this go to the field-by-field checks (see above). */
export const longestMatchedLine = 100_000;

/**
 * A whole canonical annotation line. With `captured`, the groups are: id, type, start, end,
 * text, then each optional field (undefined when absent), strings still escaped; without it,
 * only type, start and end.
 */
export function entryLinePattern(captured: boolean): RegExp {
  const string = (inside: string) => (captured ? `"(${inside})"` : `"${inside}"`);
  return new RegExp(
    `^${entryIndent}\\{id: ${string(someInside)}, type: "(${typeInside})", start: ${canonicalInteger}, end: ${canonicalInteger}, text: ${string(anyInside)}` +
      optionalEntryKeys.map((key) => `(?:, ${key}: ${string(anyInside)})?`).join('') +
      '\\}$',
  );
}

const shortEscapeValues: Record<string, string> = { '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The value of a string the line pattern took (short escapes only). A loop over the backslashes:
 * nearly every context string holds an escaped line break, and `replace` with a callback cost three times this.
 */
export function unescapeShort(inside: string): string {
  let at = inside.indexOf('\\');
  if (at < 0) return inside;
  let value = '';
  let from = 0;
  while (at >= 0) {
    // The pattern lets a backslash through only before one of the seven short escapes.
    value += inside.slice(from, at) + shortEscapeValues[inside[at + 1]];
    from = at + 2;
    at = inside.indexOf('\\', from);
  }
  return value + inside.slice(from);
}
