/**
 * Adds imported annotations to a sidecar without ever duplicating or overwriting one: an entry
 * whose id is already there is "present" when it is the same annotation and a "conflict" (the
 * sidecar's version is kept) when it is not; an entry with the type and span of an existing one
 * is "present" too. That makes importing the same data twice add nothing the second time. "The
 * same" means the same in every field the source carries (`ImportDocument.compared`).
 */
import type { Problem } from '../problem';
import { problem } from '../problem';
import { newAnnotationId } from '../sidecar/annotationId';
import { isoSeconds } from '../sidecar/createSidecar';
import type { Annotation, Extra, Sidecar } from '../sidecar/model';
import { serializeAnnotation } from '../sidecar/serializeSidecar';
import type { ImportDocument, ImportEntity } from './importTypes';

export interface MergeOutcome {
  added: number;
  present: number;
  conflicts: number;
  problems: Problem[];
}

export interface MergeOptions {
  /** Recorded on annotations the source gives no annotator for (brat, doccano). */
  annotator?: string;
  /** The time recorded on annotations the source gives none for. */
  now: Date;
}

export function mergeImported(sidecar: Sidecar, document: ImportDocument, entities: readonly ImportEntity[], options: MergeOptions): { sidecar: Sidecar; outcome: MergeOutcome } {
  const outcome: MergeOutcome = { added: 0, present: 0, conflicts: 0, problems: [] };
  const annotations = [...sidecar.annotations];
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  const ids = new Set(byId.keys());
  const spans = new Set(annotations.map(spanKey));
  for (const { annotation, where } of entities) {
    const existing = annotation.id === '' ? undefined : byId.get(annotation.id);
    if (existing !== undefined) {
      if (document.compared === undefined ? sameAnnotation(existing, annotation) : sameFields(existing, annotation, document.compared)) outcome.present++;
      else {
        outcome.conflicts++;
        outcome.problems.push(
          problem('import-conflict', `The sidecar of ${document.path} already has an annotation with id "${annotation.id}" that differs from this one; the sidecar's is kept.`, where.file, where.line, where.column, 'warning'),
        );
      }
      continue;
    }
    if (spans.has(spanKey(annotation))) {
      outcome.present++;
      continue;
    }
    const added: Annotation = { ...annotation, id: annotation.id !== '' ? annotation.id : newAnnotationId(ids) };
    if (annotation.id === '') {
      // brat and doccano carry neither; the import is when and (if named) by whom.
      if (added.annotator === undefined && options.annotator !== undefined) added.annotator = options.annotator;
      if (added.created === undefined) added.created = isoSeconds(options.now);
    }
    annotations.push(added);
    byId.set(added.id, added);
    ids.add(added.id);
    spans.add(spanKey(added));
    outcome.added++;
  }
  const merged: Sidecar = { ...sidecar, annotations };
  if (document.status !== undefined && document.status !== sidecar.status) {
    if (sidecar.status === 'untouched') merged.status = document.status;
    else if (document.status !== 'untouched') {
      outcome.problems.push(
        problem('import-status-kept', `${document.path} is "${sidecar.status}" in the corpus and "${document.status}" in the import; the corpus status is kept.`, document.where.file, document.where.line, document.where.column, 'warning'),
      );
    }
  }
  const extra = mergeExtra(sidecar.extra, document.extra);
  if (extra !== undefined) merged.extra = extra;
  const sourceExtra = mergeExtra(sidecar.source.extra, document.sourceExtra);
  if (sourceExtra !== undefined) merged.source = { ...sidecar.source, extra: sourceExtra };
  return { sidecar: merged, outcome };
}

function spanKey(annotation: Annotation): string {
  return `${annotation.type}\u0000${annotation.start}\u0000${annotation.end}`;
}

/** Equal in everything a person made; the context is the store's to refresh. */
export function sameAnnotation(left: Annotation, right: Annotation): boolean {
  const strip = (annotation: Annotation): Annotation => ({ ...annotation, prefix: undefined, suffix: undefined });
  return serializeAnnotation(strip(left)) === serializeAnnotation(strip(right));
}

function sameFields(left: Annotation, right: Annotation, fields: ReadonlyArray<keyof Annotation>): boolean {
  return fields.every((field) => JSON.stringify(left[field]) === JSON.stringify(right[field]));
}

/** Keys the sidecar lacks are added; a key it has keeps its value. */
function mergeExtra(current: Extra | undefined, imported: Extra | undefined): Extra | undefined {
  if (imported === undefined) return current;
  const missing = Object.keys(imported).filter((key) => current === undefined || !Object.prototype.hasOwnProperty.call(current, key));
  if (missing.length === 0) return current;
  const result: Extra = { ...(current ?? {}) };
  for (const key of missing) Object.defineProperty(result, key, { value: imported[key], enumerable: true, writable: true, configurable: true });
  return result;
}
