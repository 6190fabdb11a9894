/**
 * The merge driver's core: three versions of a sidecar as text in, the merged text out. Any
 * version that is not a sidecar this version reads completely (conflict markers already in it,
 * YAML errors, an entry it could not read, an id used twice) is refused, so the caller can fall
 * back to git's line merge: a merge must never lose what it could not read.
 */
import type { Problem } from '../problem';
import { parseSidecar, type ParsedSidecar } from '../sidecar/parseSidecar';
import { serializeSidecar } from '../sidecar/serializeSidecar';
import { mergeSidecars } from './mergeSidecars';
import { defaultMarkers, renderMerge, type ConflictMarkers } from './renderMerge';

export type TextMerge =
  | { readonly kind: 'merged'; readonly text: string; readonly conflicts: number; readonly notes: readonly string[] }
  /** `reason` names the version and its first problem, e.g. `ours: line 4: …`. */
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface TextMergeOptions {
  readonly markers?: ConflictMarkers;
  /** The path in the repository, for messages. */
  readonly file?: string;
}

export function mergeSidecarText(base: string, ours: string, theirs: string, options: TextMergeOptions = {}): TextMerge {
  const file = options.file ?? 'sidecar';
  // git hands an empty base when both sides added the file: there is no common version.
  const baseRead = base.trim() === '' ? undefined : read(base, 'base', file);
  const oursRead = read(ours, 'ours', file);
  const theirsRead = read(theirs, 'theirs', file);
  for (const outcome of [baseRead, oursRead, theirsRead]) if (outcome !== undefined && 'reason' in outcome) return { kind: 'unreadable', reason: outcome.reason };
  const [baseSidecar, oursSidecar, theirsSidecar] = [baseRead, oursRead, theirsRead] as Array<ParsedSidecar | undefined>;

  const merge = mergeSidecars(baseSidecar?.sidecar, oursSidecar!.sidecar, theirsSidecar!.sidecar);
  const lineEnding = oursSidecar!.lineEnding;
  const text = merge.conflicts === 0 ? serializeSidecar(merge.sidecar, lineEnding) : renderMerge(merge, lineEnding, options.markers ?? defaultMarkers);
  return { kind: 'merged', text, conflicts: merge.conflicts, notes: merge.notes };
}

function read(content: string, side: string, file: string): ParsedSidecar | { reason: string } {
  const parsed = parseSidecar(content, file);
  if (!parsed.ok) return { reason: describe(side, parsed.problems) };
  if (!parsed.writable) return { reason: describe(side, parsed.problems.filter((item) => item.severity === 'error')) };
  const seen = new Set<string>();
  for (const [index, annotation] of parsed.sidecar.annotations.entries()) {
    if (seen.has(annotation.id)) return { reason: `${side}: line ${parsed.positions[index]?.line ?? '?'}: the id "${annotation.id}" is used twice` };
    seen.add(annotation.id);
  }
  return parsed;
}

function describe(side: string, problems: readonly Problem[]): string {
  const first = problems[0];
  if (first === undefined) return `${side}: not readable`;
  const where = `line ${first.line}: `;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${side}: ${where}${first.message}${more}`;
}
