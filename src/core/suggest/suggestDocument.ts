/**
 * Works out one document's suggestions: every name the matcher finds, minus spans already tagged
 * with that type and spans already suggested (open or rejected: a rejection is never undone by
 * running `suggest` again). Overlaps with other tags are recorded, not dropped: the annotator
 * decides, and the editor shows them.
 */
import { newAnnotationId } from '../sidecar/annotationId';
import type { Annotation } from '../sidecar/model';
import type { Span } from '../sidecar/readSpans';
import type { GazetteerEntry } from './gazetteerEntry';
import type { NameMatch, NameMatcher } from './nameMatcher';
import { compareSuggestions, type Suggestion } from './suggestion';

export interface SuggestOptions {
  /** Only these entity types, when given. */
  readonly types?: ReadonlySet<string>;
}

export interface DocumentSuggestions {
  /** The document's whole suggestion list: those it had, then the new ones, in canonical order. */
  readonly suggestions: Suggestion[];
  readonly added: Suggestion[];
}

/**
 * Spans with types, looked up by one number per span: `start * (limit + 1) + end`, exact for any
 * span inside a text of `limit` UTF-16 units (a match always is). Spans that are not (stale
 * offsets) can never equal a match and are left out, so they cannot stand for another span.
 * (A string key per span cost more than matching the text.)
 */
class KnownSpans {
  private readonly types = new Map<number, string[]>();
  private readonly width: number;

  constructor(private readonly limit: number) {
    this.width = limit + 1;
  }

  /** Adds the span; false when it was already there with this type. */
  add(type: string, start: number, end: number): boolean {
    if (start < 0 || end > this.limit || start > end) return true;
    const key = start * this.width + end;
    const types = this.types.get(key);
    if (types === undefined) {
      this.types.set(key, [type]);
      return true;
    }
    if (types.includes(type)) return false;
    types.push(type);
    return true;
  }
}

/** Beyond this many UTF-16 units a span's number key would not be exact: string keys then. */
const numberKeysUpTo = 90_000_000;

/** The same, with string keys, for texts too long for number keys. */
class KnownSpansByString {
  private readonly keys = new Set<string>();

  add(type: string, start: number, end: number): boolean {
    const key = `${type}\u0000${start}\u0000${end}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

/** Calls `found` for each name found that is new to the document (not tagged or suggested with that type), with its entry. */
function forNewSpans(
  text: string,
  annotations: readonly Span[],
  existing: readonly Span[],
  matcher: NameMatcher,
  options: SuggestOptions,
  found: (match: NameMatch, entry: GazetteerEntry) => void,
): void {
  const matches = matcher.find(text);
  if (matches.length === 0) return;
  const known = text.length <= numberKeysUpTo ? new KnownSpans(text.length) : new KnownSpansByString();
  for (const annotation of annotations) known.add(annotation.type, annotation.start, annotation.end);
  for (const suggestion of existing) known.add(suggestion.type, suggestion.start, suggestion.end);
  for (const match of matches) {
    for (const entry of match.entries) {
      if (options.types && !options.types.has(entry.type)) continue;
      if (known.add(entry.type, match.start, match.end)) found(match, entry);
    }
  }
}

/** How many suggestions `suggestDocument` would add, without making them (a dry run needs no ids, nor more of the entries than their spans). */
export function countSuggestions(
  text: string,
  annotations: readonly Span[],
  existing: readonly Span[],
  matcher: NameMatcher,
  options: SuggestOptions = {},
): number {
  let count = 0;
  forNewSpans(text, annotations, existing, matcher, options, () => count++);
  return count;
}

export function suggestDocument(
  text: string,
  annotations: readonly Annotation[],
  existing: readonly Suggestion[],
  matcher: NameMatcher,
  options: SuggestOptions = {},
): DocumentSuggestions {
  const ids = new Set<string>([...annotations.map((annotation) => annotation.id), ...existing.map((suggestion) => suggestion.id)]);
  const byStart = [...annotations].sort((left, right) => left.start - right.start);

  const added: Suggestion[] = [];
  forNewSpans(text, annotations, existing, matcher, options, (match, entry) => {
    const id = newAnnotationId(ids);
    ids.add(id);
    const overlaps = byStart.filter((annotation) => annotation.start < match.end && match.start < annotation.end).map((annotation) => annotation.id);
    added.push({
      id,
      type: entry.type,
      start: match.start,
      end: match.end,
      text: text.slice(match.startUtf16, match.endUtf16),
      source: entry.source,
      score: entry.score ?? 1,
      ...(entry.kbId ? { link: entry.kbId } : {}),
      ...(overlaps.length > 0 ? { overlaps } : {}),
    });
  });
  return { suggestions: [...existing, ...added].sort(compareSuggestions), added };
}
