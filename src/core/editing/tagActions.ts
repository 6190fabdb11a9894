/**
 * The tagging actions annotators perform, as pure functions from the sidecar's current state to
 * an `AnnotationChange`. The editor applies the change through the store (which merges it into
 * whatever is on disk) and keeps it for undo.
 */
import { newAnnotation } from '../sidecar/createSidecar';
import type { Annotation, Sidecar } from '../sidecar/model';
import type { CodePointIndex } from '../text/codePoints';
import type { AnnotationChange } from './annotationChange';
import type { Span } from './findOccurrences';

export interface TagOptions {
  readonly type: string;
  readonly annotator?: string;
  readonly created?: Date;
}

function sameSpanAndType(annotation: Annotation, span: Span, type: string): boolean {
  return annotation.start === span.start && annotation.end === span.end && annotation.type === type;
}

/** Tags each span as `type`, skipping empty spans and spans already tagged with that type. */
export function tagSpans(sidecar: Sidecar, text: CodePointIndex, spans: readonly Span[], options: TagOptions): AnnotationChange {
  const added: Annotation[] = [];
  let working = sidecar;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const exists = working.annotations.some((annotation) => sameSpanAndType(annotation, span, options.type));
    if (exists) continue;
    const fields = { type: options.type, start: span.start, end: span.end, ...(options.annotator ? { annotator: options.annotator } : {}), ...(options.created ? { created: options.created } : {}) };
    const annotation = newAnnotation(working, text, fields);
    added.push(annotation);
    working = { ...working, annotations: [...working.annotations, annotation] };
  }
  return { removed: [], added };
}

/** Removes the annotations and every relation that starts or ends at one of them (undo restores both). */
export function removeAnnotations(sidecar: Sidecar, ids: ReadonlySet<string>): AnnotationChange {
  const removed = sidecar.annotations.filter((annotation) => ids.has(annotation.id));
  const removedRelations = (sidecar.relations ?? []).filter((relation) => ids.has(relation.from) || ids.has(relation.to));
  return removedRelations.length === 0 ? { removed, added: [] } : { removed, added: [], removedRelations };
}

export function changeAnnotationType(sidecar: Sidecar, ids: ReadonlySet<string>, type: string): AnnotationChange {
  const removed = sidecar.annotations.filter((annotation) => ids.has(annotation.id) && annotation.type !== type);
  return { removed, added: removed.map((annotation) => ({ ...annotation, type })) };
}

/** Sets or (with an empty note) clears the note of one annotation. */
export function setAnnotationNote(sidecar: Sidecar, id: string, note: string): AnnotationChange {
  const current = sidecar.annotations.find((annotation) => annotation.id === id);
  if (!current || (current.note ?? '') === note) return { removed: [], added: [] };
  const updated: Annotation = { ...current };
  if (note === '') delete updated.note;
  else updated.note = note;
  return { removed: [current], added: [updated] };
}

/** Annotations whose span contains the code-point offset (touching either edge counts). */
export function annotationsAt(sidecar: Sidecar, offset: number): Annotation[] {
  return sidecar.annotations.filter((annotation) => annotation.start <= offset && offset <= annotation.end);
}
