/**
 * Resolving hunks of a conflicted sidecar: keep ours, keep theirs, or keep both (the union of
 * the entries). While hunks remain, the result is the same text with the chosen hunks replaced
 * (still conflicted, every other line as it was); once none remain it is the canonical sidecar.
 */
import { problem, type Problem } from '../problem';
import { newAnnotationId, type RandomBytes } from '../sidecar/annotationId';
import { parseSidecar } from '../sidecar/parseSidecar';
import { entryIndent, serializeAnnotation, serializeSidecar } from '../sidecar/serializeSidecar';
import { analyseConflict, annotationsById, type ConflictedSidecar, type SidecarHunk } from './conflictedSidecar';
import { replaceHunks } from './splitConflict';

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
  const minted = new Set<string>();
  for (const [index, choice] of chosen) {
    const hunk = sidecar.hunks[index];
    if (choice === 'both') {
      const both = keepBoth(sidecar, hunk, minted, random, file);
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
 * both sides hold under one id with different content is kept twice: theirs under a fresh id.
 * Header lines (status, source) are taken from ours.
 */
function keepBoth(sidecar: ConflictedSidecar, { hunk, theirs }: SidecarHunk, minted: Set<string>, random: RandomBytes | undefined, file: string): { ok: true; lines: readonly string[] } | { ok: false; problem: Problem } {
  if (theirs.ids.length === 0) return { ok: true, lines: hunk.ours };
  if (!sidecar.theirs.parsed.ok || !sidecar.ours.parsed.ok) {
    const side = sidecar.ours.parsed.ok ? 'theirs' : 'ours';
    return { ok: false, problem: problem('conflict-markers', `“Keep both” needs both sides to read as sidecars, and ${side} does not; keep ours or theirs instead.`, file, hunk.startLine) };
  }
  const ours = annotationsById(sidecar.ours);
  const theirsById = annotationsById(sidecar.theirs);
  const taken = new Set<string>([...ours.keys(), ...theirsById.keys(), ...minted]);
  const lineBreak = /\r\n$/.test(hunk.rawLines[0]) ? '\r\n' : '\n';
  const extra: string[] = [];
  for (const id of theirs.ids) {
    const entry = theirsById.get(id)!;
    const mine = ours.get(id);
    let kept = entry;
    if (mine !== undefined) {
      if (serializeAnnotation(mine) === serializeAnnotation(entry)) continue;
      const fresh = newAnnotationId(taken, random);
      taken.add(fresh);
      minted.add(fresh);
      kept = { ...entry, id: fresh };
    }
    extra.push(entryIndent + serializeAnnotation(kept) + lineBreak);
  }
  // Ours may have had no entries yet (`annotations: []`); the added ones need the block form.
  const lines = hunk.ours.map((line) => (extra.length > 0 ? line.replace(/^annotations:\s*\[\]\s*(\r\n|\n|\r)?$/, (_, end: string | undefined) => `annotations:${end ?? lineBreak}`) : line));
  if (lines.length > 0 && !/(?:\r\n|\n|\r)$/.test(lines[lines.length - 1])) lines[lines.length - 1] += lineBreak;
  return { ok: true, lines: [...lines, ...extra] };
}
