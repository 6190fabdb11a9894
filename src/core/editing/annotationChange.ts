import type { Annotation, Sidecar } from '../sidecar/model';

/**
 * What one tagging action did to a sidecar: the entries it removed and the entries it added
 * (changing an entry is removing the old and adding the new, with the same id). Actions are
 * stored this way, not as snapshots, so undoing one after someone else changed the file on disk
 * only reverts this action and keeps theirs.
 */
export interface AnnotationChange {
  readonly removed: readonly Annotation[];
  readonly added: readonly Annotation[];
}

export const noChange: AnnotationChange = { removed: [], added: [] };

export function isEmptyChange(change: AnnotationChange): boolean {
  return change.removed.length === 0 && change.added.length === 0;
}

/** The change that undoes `change`. */
export function invertChange(change: AnnotationChange): AnnotationChange {
  return { removed: change.added, added: change.removed };
}

/**
 * Applies a change to the sidecar's current state: removes entries by id (those already gone
 * are skipped) and adds entries, replacing an entry of the same id. Returns a new sidecar.
 */
export function applyChange(sidecar: Sidecar, change: AnnotationChange): Sidecar {
  const drop = new Set(change.removed.map((annotation) => annotation.id));
  for (const annotation of change.added) drop.add(annotation.id);
  const kept = sidecar.annotations.filter((annotation) => !drop.has(annotation.id));
  return { ...sidecar, annotations: [...kept, ...change.added] };
}
