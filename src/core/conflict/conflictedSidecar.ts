/**
 * A sidecar with git conflict markers, read as two sidecars: ours and theirs. Each hunk knows
 * which annotation entries (by id) each side holds in it and whether it touches header lines
 * (status, source). Both kinds of conflict read the same way: the merge driver's, which wraps
 * single entry lines, and a plain git text merge's, whose hunks span any lines.
 */
import type { Problem } from '../problem';
import type { Annotation, Relation } from '../sidecar/model';
import { parseSidecar, type ParsedSidecar } from '../sidecar/parseSidecar';
import { sideRanges, sideText, splitConflict, splitLines, type ConflictedText, type ConflictHunk, type ConflictSide } from './splitConflict';

export interface HunkSide {
  /** Ids of the annotation entries written (starting) in this side of the hunk. */
  readonly ids: readonly string[];
  /** Ids of the relation entries written (starting) in this side of the hunk. */
  readonly relationIds: readonly string[];
  /** True when the hunk holds lines before `annotations` on this side (status, source, ...). */
  readonly header: boolean;
}

export interface SidecarHunk {
  readonly hunk: ConflictHunk;
  readonly ours: HunkSide;
  readonly theirs: HunkSide;
}

export interface SidecarSide {
  readonly text: string;
  /** The side read as a sidecar; a problem when that side does not read. */
  readonly parsed: ParsedSidecar | { ok: false; problems: Problem[] };
}

export interface ConflictedSidecar {
  readonly conflict: ConflictedText;
  readonly hunks: readonly SidecarHunk[];
  readonly ours: SidecarSide;
  readonly theirs: SidecarSide;
}

export type AnalyseResult = { ok: true; sidecar: ConflictedSidecar } | { ok: false; problem: Problem };

export function analyseConflict(content: string, file = ''): AnalyseResult {
  const split = splitConflict(content, file);
  if (!split.ok) return split;
  const conflict = split.conflict;
  const ours = readSide(conflict, 'ours', file);
  const theirs = readSide(conflict, 'theirs', file);
  const oursSides = hunkSides(conflict, 'ours', ours);
  const theirsSides = hunkSides(conflict, 'theirs', theirs);
  const hunks = conflict.hunks.map((hunk, index) => ({ hunk, ours: oursSides[index], theirs: theirsSides[index] }));
  return { ok: true, sidecar: { conflict, hunks, ours, theirs } };
}

function readSide(conflict: ConflictedText, side: ConflictSide, file: string): SidecarSide {
  const text = sideText(conflict, side);
  return { text, parsed: parseSidecar(text, file) };
}

/** Per hunk, the entries starting on this side's lines of it and whether it reaches the header. */
function hunkSides(conflict: ConflictedText, side: ConflictSide, read: SidecarSide): HunkSide[] {
  const ranges = sideRanges(conflict, side);
  const annotationsLine = firstAnnotationsLine(read.text);
  const annotations = read.parsed.ok ? read.parsed.sidecar.annotations : [];
  const positions = read.parsed.ok ? read.parsed.positions : [];
  const relations = read.parsed.ok ? (read.parsed.sidecar.relations ?? []) : [];
  const relationPositions = read.parsed.ok ? (read.parsed.relationPositions ?? []) : [];
  const within = (line: number | undefined, from: number, to: number) => line !== undefined && line >= from && line < to;
  return ranges.map(({ from, to }) => ({
    ids: annotations.filter((_, index) => within(positions[index]?.line, from, to)).map((annotation) => annotation.id),
    relationIds: relations.filter((_, index) => within(relationPositions[index]?.line, from, to)).map((relation) => relation.id),
    header: from < to && from < annotationsLine,
  }));
}

/** 1-based line of a top-level key (`annotations`, `relations`); past the end when there is none. */
export function topLevelKeyLine(text: string, key: string): number {
  const lines = splitLines(text);
  const pattern = new RegExp(`^${key}\\s*:`);
  const found = lines.findIndex((line) => pattern.test(line));
  return found < 0 ? lines.length + 1 : found + 1;
}

function firstAnnotationsLine(text: string): number {
  return topLevelKeyLine(text, 'annotations');
}

/** The relations of a side by id (empty when the side does not read). */
export function relationsById(side: SidecarSide): Map<string, Relation> {
  return new Map(side.parsed.ok ? (side.parsed.sidecar.relations ?? []).map((relation) => [relation.id, relation] as const) : []);
}

/** The annotations of a side by id (empty when the side does not read). */
export function annotationsById(side: SidecarSide): Map<string, Annotation> {
  return new Map(side.parsed.ok ? side.parsed.sidecar.annotations.map((annotation) => [annotation.id, annotation] as const) : []);
}
