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
import { readCanonicalEntry } from './readCanonicalEntry';
import { entryLinePattern, longestMatchedLine } from './entryPatterns';
import type { Annotation, Relation, Suggestion } from './model';
import { compareAnnotations, compareRelations, compareSuggestions } from './serializeSidecar';

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

// Lines without `\u` escapes (nearly all) are taken by one regular expression (entryPatterns.ts).
const plainEntryLine = entryLinePattern(false);

/**
 * An annotation line's span when the line is one `readCanonicalEntry` takes whole by its regular
 * expression, read in place without making its strings; undefined for any other line (the
 * reader then decides: a `\u` escape, a very long line, or not canonical at all).
 */
export function readEntrySpan(line: string): Span | undefined {
  if (line.length > longestMatchedLine) return undefined;
  const matched = plainEntryLine.exec(line);
  return matched === null ? undefined : { type: matched[1], start: Number(matched[2]), end: Number(matched[3]) };
}

/** For tests: the spans the full fast path reads from the same content. */
export function spansOfCanonical(content: string, file: string): SidecarSpans | undefined {
  const read = readCanonical(content, file);
  if (read === undefined) return undefined;
  const span = ({ type, start, end }: Span): Span => ({ type, start, end });
  return { annotations: read.sidecar.annotations.map(span), suggestions: (read.sidecar.suggestions ?? []).map(span) };
}
