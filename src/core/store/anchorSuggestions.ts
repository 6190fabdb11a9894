/**
 * Suggestions move with the text as annotations do, found again with the same evidence (the
 * shift the edit made, which the annotations around them show). One that cannot be found again
 * with evidence is dropped without a word: it is only a suggestion, and the next `suggest` run
 * finds the name again wherever it now is.
 */
import { reanchorAll } from '../anchoring/reanchorAll';
import type { CodePointIndex } from '../text/codePoints';
import type { Annotation, Suggestion } from '../sidecar/model';

/** The suggestions found again in `text` (those that hold it are kept as they are). */
export function anchorSuggestions(suggestions: readonly Suggestion[], annotations: readonly Annotation[], text: CodePointIndex): Suggestion[] {
  const holds = (suggestion: Suggestion) =>
    suggestion.start <= suggestion.end && suggestion.end <= text.codePointLength && text.slice(suggestion.start, suggestion.end) === suggestion.text;
  if (suggestions.every(holds)) return [...suggestions];
  // Annotations go in with them: their context shows how far the edit shifted the text.
  const plain = annotations.filter((annotation) => annotation.fragments === undefined);
  const anchors = reanchorAll(text, [...plain, ...suggestions]).slice(plain.length);
  const kept: Suggestion[] = [];
  suggestions.forEach((suggestion, index) => {
    const anchor = anchors[index];
    if (anchor === undefined || (anchor.kind !== 'exact' && anchor.kind !== 'moved')) return;
    kept.push(anchor.start === suggestion.start && anchor.end === suggestion.end ? suggestion : { ...suggestion, start: anchor.start, end: anchor.end });
  });
  return kept;
}
