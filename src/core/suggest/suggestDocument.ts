/**
 * Works out one document's suggestions: every name the matcher finds, minus spans already tagged
 * with that type and spans already suggested (open or rejected: a rejection is never undone by
 * running `suggest` again). Overlaps with other tags are recorded, not dropped: the annotator
 * decides, and the editor shows them.
 */
import { newAnnotationId } from '../sidecar/annotationId';
import type { Annotation } from '../sidecar/model';
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

function spanKey(type: string, start: number, end: number): string {
  return `${type}\u0000${start}\u0000${end}`;
}

/** Each name found that is new to the document (not tagged or suggested with that type), with its entry. */
function* newSpans(
  text: string,
  annotations: readonly Annotation[],
  existing: readonly Suggestion[],
  matcher: NameMatcher,
  options: SuggestOptions,
): Generator<{ match: NameMatch; entry: GazetteerEntry }> {
  const known = new Set<string>();
  for (const annotation of annotations) known.add(spanKey(annotation.type, annotation.start, annotation.end));
  for (const suggestion of existing) known.add(spanKey(suggestion.type, suggestion.start, suggestion.end));
  for (const match of matcher.find(text)) {
    for (const entry of match.entries) {
      if (options.types && !options.types.has(entry.type)) continue;
      const key = spanKey(entry.type, match.start, match.end);
      if (known.has(key)) continue;
      known.add(key);
      yield { match, entry };
    }
  }
}

/** How many suggestions `suggestDocument` would add, without making them (a dry run needs no ids). */
export function countSuggestions(
  text: string,
  annotations: readonly Annotation[],
  existing: readonly Suggestion[],
  matcher: NameMatcher,
  options: SuggestOptions = {},
): number {
  let count = 0;
  const spans = newSpans(text, annotations, existing, matcher, options);
  while (spans.next().done !== true) count++;
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
  for (const { match, entry } of newSpans(text, annotations, existing, matcher, options)) {
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
  }
  return { suggestions: [...existing, ...added].sort(compareSuggestions), added };
}
