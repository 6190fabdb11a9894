import type { Annotation, Relation, Sidecar, Suggestion } from '../sidecar/model';

/**
 * What one tagging action did to a sidecar: the entries it removed and the entries it added
 * (changing an entry is removing the old and adding the new, with the same id). Actions are
 * stored this way, not as snapshots, so undoing one after someone else changed the file on disk
 * only reverts this action and keeps theirs.
 */
export interface AnnotationChange {
  readonly removed: readonly Annotation[];
  readonly added: readonly Annotation[];
  /**
   * Relations, the same way (by id). Optional so that changes to tags alone stay as they were;
   * removing a tag removes the relations at either end of it here, and undo adds them back.
   */
  readonly removedRelations?: readonly Relation[];
  readonly addedRelations?: readonly Relation[];
  /**
   * Suggestions, the same way (by id): accepting one removes it (and adds its annotation),
   * rejecting one replaces it with its rejected copy; undo puts it back.
   */
  readonly removedSuggestions?: readonly Suggestion[];
  readonly addedSuggestions?: readonly Suggestion[];
}

export const noChange: AnnotationChange = { removed: [], added: [] };

export function isEmptyChange(change: AnnotationChange): boolean {
  return (
    change.removed.length === 0 &&
    change.added.length === 0 &&
    (change.removedRelations ?? []).length === 0 && (change.addedRelations ?? []).length === 0 &&
    (change.removedSuggestions ?? []).length === 0 &&
    (change.addedSuggestions ?? []).length === 0
  );
}

/** The change that undoes `change`. */
export function invertChange(change: AnnotationChange): AnnotationChange {
  const inverse: { -readonly [K in keyof AnnotationChange]: AnnotationChange[K] } = { removed: change.added, added: change.removed };
  if (change.addedRelations !== undefined) inverse.removedRelations = change.addedRelations;
  if (change.removedRelations !== undefined) inverse.addedRelations = change.removedRelations;
  if (change.addedSuggestions !== undefined) inverse.removedSuggestions = change.addedSuggestions;
  if (change.removedSuggestions !== undefined) inverse.addedSuggestions = change.removedSuggestions;
  return inverse;
}

/**
 * Applies a change to the sidecar's current state: removes entries by id (those already gone
 * are skipped) and adds entries, replacing an entry of the same id. Returns a new sidecar.
 */
export function applyChange(sidecar: Sidecar, change: AnnotationChange): Sidecar {
  const drop = new Set(change.removed.map((annotation) => annotation.id));
  for (const annotation of change.added) drop.add(annotation.id);
  const kept = sidecar.annotations.filter((annotation) => !drop.has(annotation.id));
  const result: Sidecar = { ...sidecar, annotations: [...kept, ...change.added] };
  if (change.removedSuggestions !== undefined || change.addedSuggestions !== undefined) {
    const dropSuggestions = new Set([...(change.removedSuggestions ?? []), ...(change.addedSuggestions ?? [])].map((suggestion) => suggestion.id));
    const suggestions = [...(sidecar.suggestions ?? []).filter((suggestion) => !dropSuggestions.has(suggestion.id)), ...(change.addedSuggestions ?? [])];
    if (suggestions.length > 0) result.suggestions = suggestions;
    else delete result.suggestions;
  }
  if (change.removedRelations === undefined && change.addedRelations === undefined) return result;
  const dropRelations = new Set([...(change.removedRelations ?? []), ...(change.addedRelations ?? [])].map((relation) => relation.id));
  const relations = [...(sidecar.relations ?? []).filter((relation) => !dropRelations.has(relation.id)), ...(change.addedRelations ?? [])];
  if (relations.length > 0) result.relations = relations;
  else delete result.relations;
  return result;
}

/** Two changes to one file as one (the second made after the first; no entry in both). */
export function mergeChanges(first: AnnotationChange, second: AnnotationChange): AnnotationChange {
  const merged: { -readonly [K in keyof AnnotationChange]: AnnotationChange[K] } = { removed: [...first.removed, ...second.removed], added: [...first.added, ...second.added] };
  const join = <T>(left: readonly T[] | undefined, right: readonly T[] | undefined) => (left === undefined && right === undefined ? undefined : [...(left ?? []), ...(right ?? [])]);
  const removedRelations = join(first.removedRelations, second.removedRelations);
  const addedRelations = join(first.addedRelations, second.addedRelations);
  const removedSuggestions = join(first.removedSuggestions, second.removedSuggestions);
  const addedSuggestions = join(first.addedSuggestions, second.addedSuggestions);
  if (removedRelations !== undefined) merged.removedRelations = removedRelations;
  if (addedRelations !== undefined) merged.addedRelations = addedRelations;
  if (removedSuggestions !== undefined) merged.removedSuggestions = removedSuggestions;
  if (addedSuggestions !== undefined) merged.addedSuggestions = addedSuggestions;
  return merged;
}
