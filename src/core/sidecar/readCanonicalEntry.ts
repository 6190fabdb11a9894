/**
 * Reads one annotation line of a canonical file, accepting it only if it is exactly what the
 * canonical writer would write for the annotation it holds: fixed key order, fixed separators,
 * strings escaped the writer's way, integers without leading zeros. That makes the line its own
 * proof of being canonical, without writing it again to compare.
 *
 * Lines with `attributes` or unknown fields are left to the general reader (undefined here).
 */
import { formatString, needsAnyEscape } from './flowValue';
import type { Annotation } from './model';
import { entryIndent } from './serializeSidecar';

const stringPattern = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
const optionalKeys = ['note', 'annotator', 'created', 'prefix', 'suffix'] as const;

export function readCanonicalEntry(line: string): Annotation | undefined {
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
    while (next < optionalKeys.length && !line.startsWith(optionalKeys[next] + ': ', at)) next++;
    if (next === optionalKeys.length) return undefined;
    const key = optionalKeys[next];
    const value = canonicalString(line, at + key.length + 2);
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
