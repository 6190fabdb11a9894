/**
 * Reads one annotation line of a canonical file, accepting it only if it is exactly what the
 * canonical writer would write for the annotation it holds: fixed key order, fixed separators,
 * strings escaped the writer's way, integers without leading zeros. That makes the line its own
 * proof of being canonical, without writing it again to compare.
 *
 * Lines with `attributes` or unknown fields are left to the general reader (undefined here).
 */
import { needsAnyEscape, formatString } from './flowValue';
import type { Annotation } from './model';
import { entryIndent } from './serializeSidecar';

const stringPattern = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
// Up to 15 digits stays below 2^53, so the number is exact and written back the same way.
const integerPattern = /0|[1-9][0-9]{0,14}/y;
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
  stringPattern.lastIndex = start;
  const match = stringPattern.exec(line);
  if (match === null) return undefined;
  const quoted = match[0];
  let value: string;
  if (quoted.includes('\\')) {
    try {
      value = JSON.parse(quoted) as string;
    } catch {
      return undefined;
    }
  } else {
    value = quoted.slice(1, -1);
  }
  // Plain values need no escapes, so they are canonical exactly when the line has none either.
  const canonical = needsAnyEscape.test(value) ? formatString(value) === quoted : !quoted.includes('\\');
  return canonical ? { value, end: start + quoted.length } : undefined;
}

function canonicalInteger(line: string, start: number): { value: number; end: number } | undefined {
  integerPattern.lastIndex = start;
  const match = integerPattern.exec(line);
  if (match === null) return undefined;
  const next = line.charCodeAt(start + match[0].length);
  // A digit right after the match means a leading zero (`0123`) or more than 15 digits.
  if (next >= 0x30 && next <= 0x39) return undefined;
  return { value: Number(match[0]), end: start + match[0].length };
}
