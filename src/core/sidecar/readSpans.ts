/**
 * Where a sidecar's tags and suggestions are, and nothing else: what `suggest` needs to know of
 * every file (which spans are already tagged or suggested, rejected ones included) without the
 * full read, which builds every entry, its positions and context, and then validates it.
 *
 * It answers only for a file the fast path of the reader (fastPath.ts) would take as canonical,
 * with the same spans; for any other file, and wherever it is unsure, it answers undefined and
 * the caller reads the file the full way. Annotation lines are checked in place, without
 * building their strings; a line this check does not take goes to the reader's own checks, so
 * a line is taken only when the reader would take it.
 */
import { canonicalOutline, readCanonical, readOtherEntry, readRelationLine, readSuggestionLine } from './fastPath';
import { lowercaseHex, readCanonicalEntry, writtenAsCode } from './readCanonicalEntry';
import { entryLinePattern, longestMatchedLine, optionalEntryKeys } from './entryPatterns';
import type { Annotation, Relation, Suggestion } from './model';
import { compareAnnotations, compareRelations, compareSuggestions, entryIndent } from './serializeSidecar';

/** A tag's or a suggestion's place and type: the stored offsets, as the sidecar holds them. */
export interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

export interface SidecarSpans {
  readonly annotations: Span[];
  /** Every suggestion, open or rejected. */
  readonly suggestions: Span[];
}

/** The spans of a canonical sidecar (as `readCanonical` reads it), or undefined: read it in full. */
export function readCanonicalSpans(content: string, file: string): SidecarSpans | undefined {
  // The same line breaks and outline as `readCanonical`.
  const lines = content.includes('\r') ? content.split(/\r\n|\r|\n/) : content.split('\n');
  if (lines.pop() !== '') return undefined;
  const outline = canonicalOutline(lines, file);
  if (outline === undefined) return undefined;
  const { listAt, relationsAt, suggestionsAt, listsEnd, annotationsEnd } = outline;

  const annotations: Span[] = [];
  let previous: Span | undefined;
  for (let index = listAt + 1; index < annotationsEnd; index++) {
    const line = lines[index];
    const span = readEntrySpan(line) ?? spanOf(readWholeEntry(line));
    if (span === undefined) return undefined;
    // In the writer's order: by start, then end; ties need the whole entries (rare).
    if (previous !== undefined && (previous.start > span.start || (previous.start === span.start && previous.end >= span.end))) {
      if (previous.start !== span.start || previous.end !== span.end) return undefined;
      const left = readWholeEntry(lines[index - 1]);
      const right = readWholeEntry(line);
      if (left === undefined || right === undefined || compareAnnotations(left, right) > 0) return undefined;
    }
    annotations.push(span);
    previous = span;
  }
  if (relationsAt >= 0) {
    let previousRelation: Relation | undefined;
    for (let index = relationsAt + 1; index < listsEnd; index++) {
      const relation = readRelationLine(lines[index]);
      if (relation === undefined || (previousRelation !== undefined && compareRelations(previousRelation, relation) > 0)) return undefined;
      previousRelation = relation;
    }
  }
  const suggestions: Span[] = [];
  if (suggestionsAt >= 0) {
    let previousSuggestion: Suggestion | undefined;
    for (let index = suggestionsAt + 1; index < lines.length; index++) {
      const suggestion = readSuggestionLine(lines[index]);
      if (suggestion === undefined || (previousSuggestion !== undefined && compareSuggestions(previousSuggestion, suggestion) > 0)) return undefined;
      suggestions.push({ type: suggestion.type, start: suggestion.start, end: suggestion.end });
      previousSuggestion = suggestion;
    }
  }
  return { annotations, suggestions };
}

function spanOf(entry: Span | undefined): Span | undefined {
  return entry === undefined ? undefined : { type: entry.type, start: entry.start, end: entry.end };
}

/** The line as the reader reads it (undefined: the reader would not take the file as canonical). */
function readWholeEntry(line: string): Annotation | undefined {
  return readCanonicalEntry(line) ?? readOtherEntry(line);
}

const optionalLabels = optionalEntryKeys.map((key) => key + ': ');

// Lines without `\u` escapes (nearly all) are taken by one regular expression (entryPatterns.ts).
const plainEntryLine = entryLinePattern(false);

/**
 * An annotation line's span when the line is one `readCanonicalEntry` takes, checked in place:
 * the same fields, order, separators, string escapes and integers, without making the strings.
 * Undefined when the line is not, or when this check is unsure (the reader then decides).
 */
export function readEntrySpan(line: string): Span | undefined {
  if (line.length <= longestMatchedLine) {
    const matched = plainEntryLine.exec(line);
    if (matched !== null) return { type: matched[1], start: Number(matched[2]), end: Number(matched[3]) };
  }
  if (!line.startsWith('{id: ', entryIndent.length) || !line.startsWith(entryIndent)) return undefined;
  const idEnd = skipString(line, entryIndent.length + 5);
  // An empty id or type (`""`) is not taken.
  if (idEnd < 0 || idEnd === entryIndent.length + 7 || !line.startsWith(', type: ', idEnd)) return undefined;
  const typeAt = idEnd + 8;
  const typeEnd = skipString(line, typeAt);
  if (typeEnd < 0 || typeEnd === typeAt + 2 || !line.startsWith(', start: ', typeEnd)) return undefined;
  // A type with an escape in it is left to the reader (no type is written so).
  const type = line.slice(typeAt + 1, typeEnd - 1);
  if (type.includes('\\')) return undefined;
  const startEnd = integerEnd(line, typeEnd + 9);
  if (startEnd < 0 || !line.startsWith(', end: ', startEnd)) return undefined;
  const endEnd = integerEnd(line, startEnd + 7);
  if (endEnd < 0 || !line.startsWith(', text: ', endEnd)) return undefined;
  let at = skipString(line, endEnd + 8);
  if (at < 0) return undefined;
  let next = 0;
  for (;;) {
    if (at === line.length - 1 && line.charCodeAt(at) === 0x7d /* } */) break;
    if (!line.startsWith(', ', at)) return undefined;
    at += 2;
    while (next < optionalLabels.length && !line.startsWith(optionalLabels[next], at)) next++;
    if (next === optionalLabels.length) return undefined;
    at = skipString(line, at + optionalLabels[next].length);
    if (at < 0) return undefined;
    next++;
  }
  return { type, start: Number(line.slice(typeEnd + 9, startEnd)), end: Number(line.slice(startEnd + 7, endEnd)) };
}

/**
 * The first character at or after `lastIndex` that a string cannot hold raw, or that ends it:
 * found by the regular expression engine, which scans much faster than a loop over the line.
 */
// eslint-disable-next-line no-control-regex -- these are the characters a string may not hold raw
const special = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/g;

/** Where a string `formatString` would write ends (after its closing quote), or -1. */
function skipString(line: string, start: number): number {
  if (line.charCodeAt(start) !== 0x22 /* " */) return -1;
  let at = start + 1;
  for (;;) {
    special.lastIndex = at;
    const found = special.exec(line);
    if (found === null) return -1;
    at = found.index;
    const unit = line.charCodeAt(at);
    if (unit === 0x22) return at + 1;
    if (unit === 0x5c /* \ */) {
      const escaped = line.charCodeAt(at + 1);
      if (escaped === 0x22 || escaped === 0x5c || escaped === 0x62 || escaped === 0x66 || escaped === 0x6e || escaped === 0x72 || escaped === 0x74) {
        at += 2;
        continue;
      }
      if (escaped !== 0x75 /* u */) return -1;
      const code = lowercaseHex(line, at + 2);
      // An escaped surrogate depends on its neighbours: left to the reader.
      if (code < 0 || (code >= 0xd800 && code <= 0xdfff) || !writtenAsCode(code)) return -1;
      at += 6;
      continue;
    }
    // Only a surrogate pair may stand raw; every other character found here is written escaped.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = line.charCodeAt(at + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return -1;
      at += 2;
      continue;
    }
    return -1;
  }
}

/** Where a canonical integer (1 to 15 digits, no leading zero) starting at `start` ends, or -1. */
function integerEnd(line: string, start: number): number {
  let at = start;
  while (at < line.length) {
    const unit = line.charCodeAt(at);
    if (unit < 0x30 || unit > 0x39) break;
    at++;
  }
  const digits = at - start;
  if (digits === 0 || digits > 15 || (digits > 1 && line.charCodeAt(start) === 0x30)) return -1;
  return at;
}

/** For tests: the spans the full fast path reads from the same content. */
export function spansOfCanonical(content: string, file: string): SidecarSpans | undefined {
  const read = readCanonical(content, file);
  if (read === undefined) return undefined;
  const span = ({ type, start, end }: Span): Span => ({ type, start, end });
  return { annotations: read.sidecar.annotations.map(span), suggestions: (read.sidecar.suggestions ?? []).map(span) };
}
