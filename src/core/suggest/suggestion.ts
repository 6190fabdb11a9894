/**
 * A suggested tag: a span some source (a gazetteer, the corpus's own tags) proposes, kept in the
 * sidecar's `suggestions:` list until the annotator accepts it (it becomes an annotation) or
 * rejects it (it stays, marked, so the next `suggest` run does not bring it back). Exports never
 * carry suggestions; they are not annotations.
 */
import type { Extra } from '../sidecar/model';

export interface Suggestion {
  id: string;
  type: string;
  /** Code-point offsets into the decoded text, as for annotations; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  /** Where it came from: `gazetteer:<file name>` or `tags` (the corpus's own tags). */
  source: string;
  /** How sure the source is, 0..1: 1 for a gazetteer; for tags, the share of this name's tags that have this type. */
  score: number;
  /** A knowledge-base id the gazetteer gave for the name. */
  link?: string;
  /** Ids of annotations (of other types or bounds) the span overlaps. */
  overlaps?: string[];
  /** Set when the annotator rejected it: never drawn again, never suggested again. */
  rejected?: true;
  extra?: Extra;
}

/** Suggestion keys in the order the canonical writer puts them. Unknown keys follow, sorted. */
export const suggestionKeyOrder = ['id', 'type', 'start', 'end', 'text', 'source', 'score', 'link', 'overlaps', 'rejected'] as const;

/** Canonical order: by position, then type, then id. */
export function compareSuggestions(left: Suggestion, right: Suggestion): number {
  return left.start - right.start || left.end - right.end || (left.type < right.type ? -1 : left.type > right.type ? 1 : 0) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
}
