/**
 * Writing down re-anchored offsets: when a text no longer has the hash its sidecar was written
 * for, find every annotation again and store the new offsets (and, once every annotation is
 * placed, the new hash) in one write through the store. What moved, became fuzzy or was orphaned
 * is reported on each annotation's entry in the sidecar as it is after the write.
 */
import type { Problem } from '../problem';
import { canonicalLayout } from '../sidecar/serializeSidecar';
import type { EntryPosition, Sidecar } from '../sidecar/model';
import { anchorProblems } from './anchorProblems';
import type { SidecarWriter } from './sidecarWriter';

export interface ReanchorOutcome {
  /** Whether the file could be read (and, unless a dry run, written) as needed. */
  ok: boolean;
  /** Whether the text has a sidecar (a sidecar that cannot be read counts). */
  hasSidecar: boolean;
  /** Whether the text differs from the one its sidecar was written for (false without a sidecar). */
  changed: boolean;
  moved: number;
  fuzzy: number;
  orphaned: number;
  /** Whether the sidecar was (or, in a dry run, would be) rewritten. */
  written: boolean;
  /** One per annotation moved (info), fuzzy or orphaned (warnings); or why the file failed. */
  problems: Problem[];
}

export async function reanchorFile(store: SidecarWriter, textPath: string, options: { dryRun?: boolean } = {}): Promise<ReanchorOutcome> {
  const nothing = { moved: 0, fuzzy: 0, orphaned: 0, written: false };
  const loaded = await store.load(textPath);
  if (!loaded.ok) return { ok: false, hasSidecar: loaded.decoded !== undefined, changed: false, ...nothing, problems: loaded.problems };
  const hasSidecar = loaded.version !== undefined;
  if (!hasSidecar || loaded.sidecar.source.sha256 === loaded.decoded.sha256) return { ok: true, hasSidecar, changed: false, ...nothing, problems: [] };

  const count = (kind: string) => loaded.anchors.filter((anchor) => anchor.kind === kind).length;
  const counts = { moved: count('moved'), fuzzy: count('fuzzy'), orphaned: count('orphan') };
  const report = (sidecar: Sidecar, positions: readonly EntryPosition[]) =>
    anchorProblems(sidecar, positions, loaded.anchors, loaded.sidecarPath, { current: false, everyMove: true });
  if (options.dryRun === true) {
    if (!loaded.writable) {
      // The store would refuse the write; say so now rather than let a dry run look clean.
      return { ok: false, hasSidecar, changed: true, ...counts, written: false, problems: [...loaded.problems.filter((item) => item.severity === 'error'), ...report(loaded.sidecar, loaded.positions)] };
    }
    // A write changes the file when offsets move or, with every annotation placed, the hash.
    const wouldWrite = counts.moved > 0 || (counts.fuzzy === 0 && counts.orphaned === 0);
    return { ok: true, hasSidecar, changed: true, ...counts, written: wouldWrite, problems: report(loaded.sidecar, loaded.positions) };
  }

  // The store re-anchors what is on disk when it writes; the change itself changes nothing.
  const updated = await store.update(textPath, (sidecar) => sidecar);
  if (!updated.ok) return { ok: false, hasSidecar, changed: true, ...counts, written: false, problems: [...updated.problems, ...report(loaded.sidecar, loaded.positions)] };
  return { ok: true, hasSidecar, changed: true, ...counts, written: updated.written, problems: report(loaded.sidecar, writtenPositions(loaded.sidecar, updated.sidecar)) };
}

/** Where each annotation of `before` (by id, in order) is written in the canonical file `after`. */
function writtenPositions(before: Sidecar, after: Sidecar): EntryPosition[] {
  const { sidecar, positions } = canonicalLayout(after);
  const byId = new Map<string, EntryPosition[]>();
  sidecar.annotations.forEach((annotation, index) => byId.set(annotation.id, [...(byId.get(annotation.id) ?? []), positions[index]]));
  return before.annotations.map((annotation) => byId.get(annotation.id)?.shift() ?? { line: 1, column: 1 });
}
