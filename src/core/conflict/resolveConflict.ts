/**
 * Resolving hunks of a conflicted sidecar: keep ours, keep theirs, or keep both (the union of
 * the entries). While hunks remain, the result is the same text with the chosen hunks replaced
 * (still conflicted, every other line as it was); once none remain it is the canonical sidecar.
 */
import { problem, type Problem } from '../problem';
import { newAnnotationId, type RandomBytes } from '../sidecar/annotationId';
import { parseSidecar } from '../sidecar/parseSidecar';
import { entryIndent, serializeAnnotation, serializeRelation, serializeSidecar } from '../sidecar/serializeSidecar';
import { analyseConflict, annotationsById, relationsById, topLevelKeyLine, type ConflictedSidecar, type SidecarHunk } from './conflictedSidecar';
import { replaceHunks, splitLines } from './splitConflict';

export type HunkChoice = 'ours' | 'theirs' | 'both';

/** Per hunk index, how to resolve it; hunks not named stay conflicted. */
export type HunkChoices = ReadonlyMap<number, HunkChoice>;

export interface Resolution {
  /** The new content of the sidecar. */
  readonly text: string;
  /** Hunks still conflicted in `text`. */
  readonly remaining: number;
  /**
   * Problems of the result once no hunk remains and it does not read as a sidecar: then `text`
   * is the resolved text as it is (markers gone), not rewritten, so nothing is lost.
   */
  readonly problems: readonly Problem[];
}

export type ResolveResult = { ok: true; resolution: Resolution } | { ok: false; problem: Problem };

/** Every hunk resolved the same way ("accept all ours / all theirs"). */
export function allHunks(sidecar: ConflictedSidecar, choice: HunkChoice): HunkChoices {
  return new Map(sidecar.hunks.map(({ hunk }) => [hunk.index, choice] as const));
}

export function resolveConflictText(content: string, file: string, choices: HunkChoices | HunkChoice, random?: RandomBytes): ResolveResult {
  const analysed = analyseConflict(content, file);
  if (!analysed.ok) return analysed;
  const sidecar = analysed.sidecar;
  if (sidecar.hunks.length === 0) return { ok: false, problem: problem('conflict-markers', 'The sidecar holds no conflict to resolve.', file) };
  const chosen = typeof choices === 'string' ? allHunks(sidecar, choices) : choices;
  for (const index of chosen.keys()) {
    if (index < 0 || index >= sidecar.hunks.length) return { ok: false, problem: problem('conflict-markers', `The sidecar has no conflict number ${index + 1}.`, file) };
  }
  const replacements = new Map<number, readonly string[]>();
  const ids = newIds(sidecar, [...chosen].filter(([, choice]) => choice === 'both').map(([index]) => sidecar.hunks[index]), random);
  for (const [index, choice] of chosen) {
    const hunk = sidecar.hunks[index];
    if (choice === 'both') {
      const both = keepBoth(sidecar, hunk, ids, file);
      if (!both.ok) return both;
      replacements.set(index, both.lines);
    } else replacements.set(index, hunk.hunk[choice]);
  }
  const text = replaceHunks(sidecar.conflict, replacements);
  const remaining = sidecar.hunks.length - replacements.size;
  if (remaining > 0) return { ok: true, resolution: { text, remaining, problems: [] } };
  const parsed = parseSidecar(text, file);
  if (!parsed.ok) return { ok: true, resolution: { text, remaining, problems: parsed.problems } };
  if (!parsed.writable) return { ok: true, resolution: { text, remaining, problems: parsed.problems.filter((item) => item.severity === 'error') } };
  return { ok: true, resolution: { text: serializeSidecar(parsed.sidecar, parsed.lineEnding), remaining, problems: [] } };
}

/**
 * Our lines of the hunk, then their entries that ours lacks, one canonical line each. An entry
 * both sides hold under one id with different content is kept twice: theirs under a fresh id
 * (and their relations in the hunk follow it). Header lines (status, source) are taken from ours.
 */
function keepBoth(sidecar: ConflictedSidecar, { hunk, theirs }: SidecarHunk, ids: NewIds, file: string): { ok: true; lines: readonly string[] } | { ok: false; problem: Problem } {
  if (theirs.ids.length === 0 && theirs.relationIds.length === 0) return { ok: true, lines: hunk.ours };
  if (!sidecar.theirs.parsed.ok || !sidecar.ours.parsed.ok) {
    const side = sidecar.ours.parsed.ok ? 'theirs' : 'ours';
    return { ok: false, problem: problem('conflict-markers', `“Keep both” needs both sides to read as sidecars, and ${side} does not; keep ours or theirs instead.`, file, hunk.startLine) };
  }
  const lineBreak = /\r\n$/.test(hunk.rawLines[0]) ? '\r\n' : '\n';
  const line = (text: string) => entryIndent + text + lineBreak;
  const ours = annotationsById(sidecar.ours);
  const theirsById = annotationsById(sidecar.theirs);
  const annotationLines: string[] = [];
  for (const id of theirs.ids) {
    const entry = theirsById.get(id)!;
    const mine = ours.get(id);
    if (mine !== undefined && serializeAnnotation(mine) === serializeAnnotation(entry)) continue;
    annotationLines.push(line(serializeAnnotation({ ...entry, id: ids.annotations.get(id) ?? id })));
  }
  const oursRelations = relationsById(sidecar.ours);
  const theirsRelations = relationsById(sidecar.theirs);
  const relationLines: string[] = [];
  for (const id of theirs.relationIds) {
    const relation = theirsRelations.get(id)!;
    const moved = { ...relation, from: ids.annotations.get(relation.from) ?? relation.from, to: ids.annotations.get(relation.to) ?? relation.to };
    const mine = oursRelations.get(id);
    if (mine !== undefined && serializeRelation(mine) === serializeRelation(moved)) continue;
    relationLines.push(line(serializeRelation({ ...moved, id: ids.relations.get(id) ?? id })));
  }
  const lines = [...hunk.ours];
  if (lines.length > 0 && !/(?:\r\n|\n|\r)$/.test(lines[lines.length - 1])) lines[lines.length - 1] += lineBreak;
  // Ours may have had no entries yet (`annotations: []`); the added ones need the block form.
  if (annotationLines.length > 0) {
    const empty = lines.findIndex((text) => /^annotations:\s*\[\]\s*$/.test(text.trimEnd()));
    if (empty >= 0) lines[empty] = `annotations:${lineBreak}`;
  }
  // Their annotations go before our `relations:` line when the hunk holds it; their relations
  // at the end, under a `relations:` line of their own when ours has none anywhere.
  const relationsAt = lines.findIndex((text) => /^relations\s*:/.test(text));
  lines.splice(relationsAt < 0 ? lines.length : relationsAt, 0, ...annotationLines);
  if (relationLines.length > 0) {
    const oursHasRelations = topLevelKeyLine(sidecar.ours.text, 'relations') <= splitLines(sidecar.ours.text).length;
    if (!oursHasRelations) lines.push(`relations:${lineBreak}`);
    lines.push(...relationLines);
  }
  return { ok: true, lines };
}

/** Fresh ids for their entries that clash with ours, planned for every hunk kept both at once. */
interface NewIds {
  readonly annotations: ReadonlyMap<string, string>;
  readonly relations: ReadonlyMap<string, string>;
}

/**
 * Their entries in the hunks kept both whose id ours uses for different content get fresh ids,
 * decided before any hunk is written, so their relations in another hunk follow the new id.
 */
function newIds(sidecar: ConflictedSidecar, hunks: readonly SidecarHunk[], random: RandomBytes | undefined): NewIds {
  const annotations = new Map<string, string>();
  const relations = new Map<string, string>();
  if (hunks.length === 0) return { annotations, relations };
  const ours = annotationsById(sidecar.ours);
  const theirs = annotationsById(sidecar.theirs);
  const oursRelations = relationsById(sidecar.ours);
  const theirsRelations = relationsById(sidecar.theirs);
  const taken = new Set<string>([...ours.keys(), ...theirs.keys(), ...oursRelations.keys(), ...theirsRelations.keys()]);
  const fresh = () => {
    const id = newAnnotationId(taken, random);
    taken.add(id);
    return id;
  };
  for (const { theirs: side } of hunks) {
    for (const id of side.ids) {
      const mine = ours.get(id);
      const entry = theirs.get(id);
      if (mine !== undefined && entry !== undefined && serializeAnnotation(mine) !== serializeAnnotation(entry)) annotations.set(id, fresh());
    }
  }
  for (const { theirs: side } of hunks) {
    for (const id of side.relationIds) {
      const mine = oursRelations.get(id);
      const relation = theirsRelations.get(id);
      if (mine === undefined || relation === undefined) continue;
      const moved = { ...relation, from: annotations.get(relation.from) ?? relation.from, to: annotations.get(relation.to) ?? relation.to };
      if (serializeRelation(mine) !== serializeRelation(moved)) relations.set(id, fresh());
    }
  }
  return { annotations, relations };
}
