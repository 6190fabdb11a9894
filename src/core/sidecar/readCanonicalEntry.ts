/**
 * Reads one annotation line of a canonical file, accepting it only if it is exactly what the
 * canonical writer would write for the annotation it holds: fixed key order, fixed separators,
 * strings escaped the writer's way, integers without leading zeros. That makes the line its own
 * proof of being canonical, without writing it again to compare.
 *
 * Lines with `attributes` or unknown fields are left to the general reader (undefined here).
 */
import { entryLinePattern, longestMatchedLine, optionalEntryKeys, unescapeShort } from './entryPatterns';
import { formatString, needsAnyEscape } from './flowValue';
import type { Annotation } from './model';
import { entryIndent } from './serializeSidecar';

const stringPattern = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
const optionalKeys = optionalEntryKeys;
// Made once: building `key + ': '` for every look-up cost as much as reading the value.
const optionalLabels = optionalKeys.map((key) => key + ': ');
// Lines without `\u` escapes (nearly all) are taken whole by one regular expression (entryPatterns.ts).
const wholeEntryLine = entryLinePattern(true);

export function readCanonicalEntry(line: string): Annotation | undefined {
  if (line.length <= longestMatchedLine) {
    const matched = wholeEntryLine.exec(line);
    if (matched !== null) {
      const annotation: Annotation = { id: unescapeShort(matched[1]), type: matched[2], start: Number(matched[3]), end: Number(matched[4]), text: unescapeShort(matched[5]) };
      // One named store per key (the order of optionalEntryKeys): a store through a variable key
      // saw five keys and went megamorphic.
      if (matched[6] !== undefined) annotation.note = unescapeShort(matched[6]);
      if (matched[7] !== undefined) annotation.annotator = unescapeShort(matched[7]);
      if (matched[8] !== undefined) annotation.created = unescapeShort(matched[8]);
      if (matched[9] !== undefined) annotation.prefix = unescapeShort(matched[9]);
      if (matched[10] !== undefined) annotation.suffix = unescapeShort(matched[10]);
      return annotation;
    }
  }
  return readEntryByFields(line);
}

/**
 * The same reading field by field: for the lines the expression does not take (a `\u` escape, a
 * very long line), and for the tests, which check that the two agree on any line.
 */
export function readEntryByFields(line: string): Annotation | undefined {
  if (!line.startsWith(entryIndent + '{id: ', 0)) return undefined;
  let at = entryIndent.length + 5;
  const id = canonicalString(line, at);
  if (id === undefined || id.value === '' || !line.startsWith(', type: ', id.end)) return undefined;
  const type = canonicalString(line, id.end + 8);
  if (type === undefined || type.value === '' || !line.startsWith(', start: ', type.end)) return undefined;
  const start = canonicalInteger(line, type.end + 9);
  if (start === undefined || !line.startsWith(', end: ', start.end)) return undefined;
  const end = canonicalInteger(line, start.end + 7);
  if (end === undefined || !line.startsWith(', text: ', end.end)) return undefined;
  const text = canonicalString(line, end.end + 8);
  if (text === undefined) return undefined;
  const annotation: Annotation = { id: id.value, type: type.value, start: start.value, end: end.value, text: text.value };
  at = text.end;
  let next = 0;
  for (;;) {
    if (at === line.length - 1 && line.charCodeAt(at) === 0x7d /* } */) return annotation;
    if (!line.startsWith(', ', at)) return undefined;
    at += 2;
    // Optional keys only in the canonical order: each one found moves `next` past it.
    while (next < optionalKeys.length && !line.startsWith(optionalLabels[next], at)) next++;
    if (next === optionalKeys.length) return undefined;
    const key = optionalKeys[next];
    const value = canonicalString(line, at + optionalLabels[next].length);
    if (value === undefined) return undefined;
    annotation[key] = value.value;
    at = value.end;
    next++;
  }
}

/** A double-quoted string written exactly as `formatString` writes its value. */
function canonicalString(line: string, start: number): { value: string; end: number } | undefined {
  if (line.charCodeAt(start) !== 0x22 /* " */) return undefined;
  // Most values (names, ids, types, contexts) have no escape: the closing quote is the next one.
  const close = line.indexOf('"', start + 1);
  if (close < 0) return undefined;
  const plain = line.slice(start + 1, close);
  if (!plain.includes('\\')) {
    // Canonical exactly when `formatString` would write the value between bare quotes.
    if (needsAnyEscape.test(plain) && !writtenBare(plain)) return undefined;
    return { value: plain, end: close + 1 };
  }
  return escapedString(line, start);
}

/**
 * A string with escapes, decoded in one pass and accepted only when every escape and every raw
 * character is what `formatString` writes: `\"`, `\\`, `\b \f \n \r \t` for those characters,
 * `\u` and four lowercase hex digits for the other C0 controls and the characters it escapes for
 * YAML, raw for everything else. (The general check, JSON.parse and writing the value again, cost
 * more than the rest of the entry, and context strings hold escaped line breaks all the time.)
 * An escaped surrogate is left to that general check: whether it is canonical depends on its
 * neighbours.
 */
function escapedString(line: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let run = start + 1;
  for (let at = run; at < line.length; ) {
    const unit = line.charCodeAt(at);
    if (unit === 0x22 /* " */) return { value: value + line.slice(run, at), end: at + 1 };
    if (unit === 0x5c /* \ */) {
      value += line.slice(run, at);
      const escape = shortEscapes.get(line.charCodeAt(at + 1));
      if (escape !== undefined) {
        value += escape;
        at += 2;
      } else if (line.charCodeAt(at + 1) === 0x75 /* u */) {
        const code = lowercaseHex(line, at + 2);
        if (code >= 0xd800 && code <= 0xdfff) return generalString(line, start);
        if (code < 0 || !writtenAsCode(code)) return undefined;
        value += String.fromCharCode(code);
        at += 6;
      } else return undefined;
      run = at;
      continue;
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029 || unit === 0xfeff || unit === 0xfffe || unit === 0xffff) return undefined;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = line.charCodeAt(at + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return undefined;
      at += 2;
      continue;
    }
    at++;
  }
  return undefined;
}

const shortEscapes = new Map<number, string>([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

/** Whether `formatString` writes this (non-surrogate) code unit as `\uXXXX`. */
export function writtenAsCode(code: number): boolean {
  if (code < 0x20) return code !== 0x08 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
  return (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff;
}

/** Four lowercase hex digits at `start` as a number, or -1. */
export function lowercaseHex(line: string, start: number): number {
  let code = 0;
  for (let at = start; at < start + 4; at++) {
    const unit = line.charCodeAt(at);
    const digit = unit >= 0x30 && unit <= 0x39 ? unit - 0x30 : unit >= 0x61 && unit <= 0x66 ? unit - 0x57 : -1;
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}

/** The general check: JSON's reading of the string, accepted when writing it again gives the same text. */
function generalString(line: string, start: number): { value: string; end: number } | undefined {
  stringPattern.lastIndex = start;
  const match = stringPattern.exec(line);
  if (match === null) return undefined;
  const quoted = match[0];
  let value: string;
  try {
    value = JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
  return formatString(value) === quoted ? { value, end: start + quoted.length } : undefined;
}

/**
 * Whether `formatString` writes the value between bare quotes: nothing JSON.stringify escapes
 * (quote, backslash, C0 controls, lone surrogates) and none of the extra characters it escapes
 * for YAML. Paired surrogates (astral characters, common in CJK names and emoji) stay raw.
 */
function writtenBare(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029 || unit === 0xfeff || unit === 0xfffe || unit === 0xffff) return false;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      index++;
    }
  }
  return true;
}

function canonicalInteger(line: string, start: number): { value: number; end: number } | undefined {
  // Digits by hand: a sticky regular expression per number cost more than the rest of the entry.
  let at = start;
  let value = 0;
  for (; at < line.length; at++) {
    const digit = line.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  const digits = at - start;
  // None, a leading zero (`0123`), or more than 15 digits (past 2^53 a number is not exact).
  if (digits === 0 || digits > 15 || (digits > 1 && line.charCodeAt(start) === 0x30)) return undefined;
  return { value, end: at };
}
