/**
 * What the annotator does with suggestions, as pure changes (applied through the workspace, so
 * each is one undo step): accept (the suggestion goes, an annotation comes, with annotator and
 * time like any tag), reject (the suggestion stays, marked, so it is never made again), and the
 * suggestions made while tagging (untagged occurrences of the name just tagged).
 */
import { mergeChanges, type AnnotationChange } from '../editing/annotationChange';
import { tagSpans, type TagOptions } from '../editing/tagActions';
import type { Annotation, Sidecar, Suggestion } from '../sidecar/model';
import type { CodePointIndex } from '../text/codePoints';
import { NameMatcher } from './nameMatcher';
import { suggestDocument } from './suggestDocument';

/** Suggestions to show: not rejected, and holding their text (others are stale until the next save re-anchors them). */
export function openSuggestions(sidecar: Sidecar | undefined, text: CodePointIndex): Suggestion[] {
  return (sidecar?.suggestions ?? []).filter((suggestion) => isOpen(suggestion, text));
}

function isOpen(suggestion: Suggestion, text: CodePointIndex): boolean {
  return suggestion.rejected !== true && suggestion.start < suggestion.end && suggestion.end <= text.codePointLength && text.slice(suggestion.start, suggestion.end) === suggestion.text;
}

/** Accepts the suggestions with these ids (those still in the file and open). */
export function acceptSuggestions(sidecar: Sidecar, text: CodePointIndex, ids: ReadonlySet<string>, options: Omit<TagOptions, 'type'>): AnnotationChange {
  // The chosen few first: a file may hold thousands, and only these need their text checked.
  const chosen = (sidecar.suggestions ?? []).filter((suggestion) => ids.has(suggestion.id) && isOpen(suggestion, text));
  const added: Annotation[] = [];
  let working = sidecar;
  for (const suggestion of chosen) {
    const change = tagSpans(working, text, [{ start: suggestion.start, end: suggestion.end }], { ...options, type: suggestion.type });
    added.push(...change.added);
    // Later suggestions must not reuse the ids just given out.
    working = { ...working, annotations: [...working.annotations, ...change.added] };
  }
  return { removed: [], added, removedSuggestions: chosen };
}

/** Rejects the suggestions with these ids: each is kept, marked `rejected`. */
export function rejectSuggestions(sidecar: Sidecar, ids: ReadonlySet<string>): AnnotationChange {
  const chosen = (sidecar.suggestions ?? []).filter((suggestion) => ids.has(suggestion.id) && suggestion.rejected !== true);
  return { removed: [], added: [], removedSuggestions: chosen, addedSuggestions: chosen.map((suggestion): Suggestion => ({ ...suggestion, rejected: true })) };
}

/** Ids of the open suggestions of the same name (text, ignoring nothing) and type as `suggestion`. */
export function sameEntity(suggestions: readonly Suggestion[], suggestion: Suggestion): Set<string> {
  return new Set(suggestions.filter((other) => other.type === suggestion.type && other.text === suggestion.text).map((other) => other.id));
}

/**
 * After tagging: the tag change plus suggestions for the untagged occurrences, in the same text,
 * of each name just tagged (source `tags`). One change, so one undo step takes both back.
 */
export function withSuggestionsWhileTagging(sidecar: Sidecar, text: CodePointIndex, change: AnnotationChange): AnnotationChange {
  const named = change.added.filter((annotation) => annotation.fragments === undefined && annotation.text.trim() !== '');
  if (named.length === 0) return change;
  const matcher = new NameMatcher(
    named.map((annotation) => ({ name: annotation.text, type: annotation.type, source: 'tags', line: 0, score: 1 })),
    { ignoreCase: false },
  );
  const annotations = [...sidecar.annotations.filter((annotation) => !change.removed.some((removed) => removed.id === annotation.id)), ...change.added];
  const made = suggestDocument(text.text, annotations, sidecar.suggestions ?? [], matcher).added;
  return made.length === 0 ? change : mergeChanges(change, { removed: [], added: [], addedSuggestions: made });
}
