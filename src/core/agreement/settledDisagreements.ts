/**
 * Which disagreements of a report the adjudicator has already settled in this session. An answer
 * is remembered by what it wrote (or, for "keep mine", by the annotations it looked at) and holds
 * only while our sidecar still shows that result: undoing "accept theirs" brings the
 * disagreement back, and a later report does not show it again as a new disagreement of the
 * annotations involved (two annotators in one sidecar: theirs stays behind alone).
 */
import type { Annotation } from '../sidecar/model';
import type { AgreementReport, Disagreement } from './agreementReport';

export interface Settled {
  readonly path: string;
  /** Ids of the annotations the answer was about (ours, theirs, and what it added). */
  readonly ids: readonly string[];
  /** What the answer wrote in our sidecar; it holds while this is still so. */
  readonly removed: readonly Annotation[];
  readonly added: readonly Annotation[];
}

function key(annotation: Annotation): string {
  return `${annotation.id}\u0000${annotation.type}\u0000${annotation.start}\u0000${annotation.end}`;
}

/** The answer still holds: nothing it removed is back, everything it added is there. */
export function stillSettled(settled: Settled, ours: readonly Annotation[]): boolean {
  const present = new Set(ours.map(key));
  return settled.removed.every((annotation) => !present.has(key(annotation))) && settled.added.every((annotation) => present.has(key(annotation)));
}

/**
 * The report without the disagreements settled answers cover; `oursOf(path)` gives our sidecar's
 * annotations now (all of them, whoever made them).
 */
export function openDisagreements(report: AgreementReport, settled: readonly Settled[], oursOf: (path: string) => readonly Annotation[]): AgreementReport {
  const byPath = new Map<string, Set<string>>();
  for (const answer of settled) {
    if (!stillSettled(answer, oursOf(answer.path))) continue;
    const ids = byPath.get(answer.path) ?? new Set<string>();
    for (const id of answer.ids) ids.add(id);
    byPath.set(answer.path, ids);
  }
  if (byPath.size === 0) return report;
  const covered = (item: Disagreement) => {
    const ids = byPath.get(item.path);
    return ids !== undefined && ((item.left !== undefined && ids.has(item.left.id)) || (item.right !== undefined && ids.has(item.right.id)));
  };
  return { ...report, disagreements: report.disagreements.filter((item) => !covered(item)) };
}

/** Where a disagreement's spans start and end together (code points). */
export function disagreementSpan(item: Disagreement): { start: number; end: number } {
  const spans = [item.left, item.right].filter((annotation): annotation is Annotation => annotation !== undefined);
  return { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
}
