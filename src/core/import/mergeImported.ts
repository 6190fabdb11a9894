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
import type { Annotation, Extra, Relation, Sidecar } from '../sidecar/model';
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
  const spans = new Map(annotations.map((annotation) => [spanKey(annotation), annotation.id]));
  /** Source key -> the id the entity has in the sidecar (added, or already there). */
  const keys = new Map<string, string>();
  for (const { annotation, where, key } of entities) {
    const existing = annotation.id === '' ? undefined : byId.get(annotation.id);
    if (existing !== undefined) {
      if (key !== undefined) keys.set(key, existing.id);
      if (document.compared === undefined ? sameAnnotation(existing, annotation) : sameFields(existing, annotation, document.compared)) outcome.present++;
      else {
        outcome.conflicts++;
        outcome.problems.push(
          problem('import-conflict', `The sidecar of ${document.path} already has an annotation with id "${annotation.id}" that differs from this one; the sidecar's is kept.`, where.file, where.line, where.column, 'warning'),
        );
      }
      continue;
    }
    const sameSpan = spans.get(spanKey(annotation));
    if (sameSpan !== undefined) {
      if (key !== undefined) keys.set(key, sameSpan);
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
    spans.set(spanKey(added), added.id);
    if (key !== undefined) keys.set(key, added.id);
    outcome.added++;
  }
  const merged: Sidecar = { ...sidecar, annotations };
  const relations = mergeRelations(sidecar.relations ?? [], document, keys, options, outcome);
  if (relations.length > 0) merged.relations = relations;
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
  return `${annotation.type}\u0000${annotation.start}\u0000${annotation.end}${annotation.fragments === undefined ? '' : `\u0000${JSON.stringify(annotation.fragments)}`}`;
}

/**
 * The sidecar's relations with the document's added: ends are translated from source keys to
 * sidecar ids; a relation whose end was not imported is reported, one already there (same type,
 * ends and role) is present.
 */
function mergeRelations(current: readonly Relation[], document: ImportDocument, keys: ReadonlyMap<string, string>, options: MergeOptions, outcome: MergeOutcome): Relation[] {
  const relations = [...current];
  if (document.relations === undefined) return relations;
  const ids = new Set(relations.map((relation) => relation.id));
  const existing = new Set(relations.map(relationKey));
  for (const { relation, where } of document.relations) {
    const from = keys.get(relation.from);
    const to = keys.get(relation.to);
    if (from === undefined || to === undefined) {
      outcome.problems.push(problem('relation-dangling', `The relation ${relation.type} from ${relation.from} to ${relation.to}: ${from === undefined ? relation.from : relation.to} was not imported, so neither is the relation.`, where.file, where.line, where.column, 'warning'));
      continue;
    }
    const added: Relation = { ...relation, from, to, id: relation.id !== '' && !ids.has(relation.id) ? relation.id : newAnnotationId(ids) };
    if (existing.has(relationKey(added))) {
      outcome.present++;
      continue;
    }
    if (added.annotator === undefined && options.annotator !== undefined) added.annotator = options.annotator;
    if (added.created === undefined) added.created = isoSeconds(options.now);
    relations.push(added);
    ids.add(added.id);
    existing.add(relationKey(added));
    outcome.added++;
  }
  return relations;
}

function relationKey(relation: Relation): string {
  return `${relation.type}\u0000${relation.from}\u0000${relation.to}\u0000${relation.role === true ? 'role' : ''}`;
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
