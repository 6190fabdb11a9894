/**
 * Actions on relations, discontinuous spans, attributes and knowledge-base links, as pure
 * functions from the sidecar's current state to an `AnnotationChange` (the editor applies them
 * through the workspace's one write path and keeps them for undo, like the tagging actions).
 */
import { newAnnotationId, type RandomBytes } from '../sidecar/annotationId';
import { isoSeconds, newAnnotation } from '../sidecar/createSidecar';
import { joinedText } from '../sidecar/fragments';
import type { Annotation, AttributeValue, Fragment, Relation, Sidecar } from '../sidecar/model';
import type { RelationType } from '../project/projectConfig';
import type { CodePointIndex } from '../text/codePoints';
import { annotationContext } from '../text/annotationContext';
import { noChange, type AnnotationChange } from './annotationChange';
import type { Span } from './findOccurrences';
import type { TagOptions } from './tagActions';

/**
 * Tags several spans as one discontinuous annotation ("New … Bogotá" from two selections).
 * Spans are sorted, empty ones dropped, and overlapping or touching ones joined; when one piece
 * is left it is an ordinary span. Nothing happens when the same pieces already have this type.
 */
export function tagFragments(sidecar: Sidecar, text: CodePointIndex, spans: readonly Span[], options: TagOptions, random?: RandomBytes): AnnotationChange {
  const pieces = joinPieces(spans);
  if (pieces.length === 0) return noChange;
  const start = pieces[0][0];
  const end = pieces[pieces.length - 1][1];
  const fields = { type: options.type, start, end, ...(options.annotator ? { annotator: options.annotator } : {}), ...(options.created ? { created: options.created } : {}) };
  const plain = newAnnotation(sidecar, text, fields, random);
  const same = (annotation: Annotation) =>
    annotation.type === options.type && annotation.start === start && annotation.end === end && JSON.stringify(annotation.fragments ?? null) === JSON.stringify(pieces.length > 1 ? pieces : null);
  if (sidecar.annotations.some(same)) return noChange;
  if (pieces.length === 1) return { removed: [], added: [plain] };
  // The context is that of the outer bounds: what finds the first and last fragment again.
  const { prefix, suffix } = annotationContext(text, start, end);
  const annotation: Annotation = { ...plain, text: joinedText(text, pieces), fragments: pieces, prefix, suffix };
  return { removed: [], added: [annotation] };
}

/** Sorted, non-empty pieces; overlapping or touching ones joined (touching pieces are one piece). */
function joinPieces(spans: readonly Span[]): Fragment[] {
  const sorted = spans.filter((span) => span.end > span.start).map((span): Fragment => [span.start, span.end]).sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  const pieces: Fragment[] = [];
  for (const piece of sorted) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else pieces.push([piece[0], piece[1]]);
  }
  return pieces;
}

export interface LinkOptions {
  readonly annotator?: string;
  readonly created?: Date;
  readonly note?: string;
}

/** A new relation `type` from one annotation to another (both ids of the file); nothing if it exists. */
export function linkAnnotations(sidecar: Sidecar, from: string, to: string, type: string, options: LinkOptions = {}, random?: RandomBytes): AnnotationChange {
  const ids = new Set(sidecar.annotations.map((annotation) => annotation.id));
  if (!ids.has(from) || !ids.has(to)) return noChange;
  const relations = sidecar.relations ?? [];
  if (relations.some((relation) => relation.from === from && relation.to === to && relation.type === type)) return noChange;
  const relation: Relation = { id: newAnnotationId(new Set(relations.map((item) => item.id)), random), type, from, to };
  if (options.note !== undefined) relation.note = options.note;
  if (options.annotator !== undefined) relation.annotator = options.annotator;
  relation.created = isoSeconds(options.created ?? new Date());
  return { removed: [], added: [], addedRelations: [relation] };
}

export function removeRelations(sidecar: Sidecar, ids: ReadonlySet<string>): AnnotationChange {
  const removedRelations = (sidecar.relations ?? []).filter((relation) => ids.has(relation.id));
  return removedRelations.length === 0 ? noChange : { removed: [], added: [], removedRelations };
}

/** Relations starting at the annotation and those ending at it (what a hover lists). */
export function relationsOf(sidecar: Sidecar, id: string): { outgoing: Relation[]; incoming: Relation[] } {
  const relations = sidecar.relations ?? [];
  return { outgoing: relations.filter((relation) => relation.from === id), incoming: relations.filter((relation) => relation.to === id) };
}

export interface RelationTarget {
  readonly annotation: Annotation;
  /** The declared relation types that allow this pair (every declared type when none is declared: empty list means any type). */
  readonly types: readonly string[];
}

/**
 * The annotations a relation from `sourceId` may go to, nearest first (by distance between the
 * spans), each with the declared relation types whose `from` and `to` allow the pair. With no
 * declared relation types every other annotation is a target and `types` is empty.
 */
export function relationTargets(sidecar: Sidecar, sourceId: string, relationTypes: readonly RelationType[] | undefined): RelationTarget[] {
  const source = sidecar.annotations.find((annotation) => annotation.id === sourceId);
  if (source === undefined) return [];
  const distance = (annotation: Annotation) => (annotation.end <= source.start ? source.start - annotation.end : annotation.start >= source.end ? annotation.start - source.end : 0);
  const targets: Array<RelationTarget & { distance: number }> = [];
  for (const annotation of sidecar.annotations) {
    if (annotation.id === sourceId) continue;
    const types = (relationTypes ?? [])
      .filter((relation) => (relation.from === undefined || relation.from.includes(source.type)) && (relation.to === undefined || relation.to.includes(annotation.type)))
      .map((relation) => relation.name);
    if (relationTypes !== undefined && types.length === 0) continue;
    targets.push({ annotation, types, distance: distance(annotation) });
  }
  targets.sort((left, right) => left.distance - right.distance || left.annotation.start - right.annotation.start);
  return targets.map(({ annotation, types }) => ({ annotation, types }));
}

/** Sets (or, with `undefined`, removes) one attribute of an annotation. */
export function setAttribute(sidecar: Sidecar, id: string, name: string, value: AttributeValue | undefined): AnnotationChange {
  const current = sidecar.annotations.find((annotation) => annotation.id === id);
  if (current === undefined || current.attributes?.[name] === value) return noChange;
  const attributes = { ...(current.attributes ?? {}) };
  if (value === undefined) delete attributes[name];
  else attributes[name] = value;
  const updated: Annotation = { ...current, attributes };
  if (Object.keys(attributes).length === 0) delete updated.attributes;
  return { removed: [current], added: [updated] };
}

/** Replaces an annotation's knowledge-base links (an empty list removes the field). */
export function setLinks(sidecar: Sidecar, id: string, links: readonly string[]): AnnotationChange {
  const current = sidecar.annotations.find((annotation) => annotation.id === id);
  if (current === undefined || JSON.stringify(current.links ?? []) === JSON.stringify(links)) return noChange;
  const updated: Annotation = { ...current, links: [...links] };
  if (links.length === 0) delete updated.links;
  return { removed: [current], added: [updated] };
}
