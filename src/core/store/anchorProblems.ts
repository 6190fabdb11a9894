/**
 * What re-anchoring tells a person, as problems on the annotation's entry in the sidecar: the
 * store's `load` reports them, so `validate`, the editor's Problems panel and the command line
 * all show the same thing.
 */
import type { AnchorResult } from '../anchoring/anchorSpan';
import { problem, type Problem } from '../problem';
import type { EntryPosition, Sidecar } from '../sidecar/model';

export interface AnchorProblemOptions {
  /**
   * Whether the text is the one the offsets were written for (`source.sha256` matches). Then an
   * annotation that does not hold its text has invalid offsets: it is not searched for, and
   * `validateSidecar` reports it as an error, so no orphan warning repeats it.
   */
  current: boolean;
  /** Report every move, not only those the edit does not explain (`reanchor` lists them all). */
  everyMove?: boolean;
}

/**
 * One problem per annotation that re-anchoring orphaned (warning), found only approximately
 * (warning) or moved further than the edit explains (info), in sidecar order.
 */
export function anchorProblems(
  sidecar: Sidecar,
  positions: readonly EntryPosition[],
  anchors: readonly AnchorResult[],
  file: string,
  options: AnchorProblemOptions,
): Problem[] {
  const problems: Problem[] = [];
  anchors.forEach((anchor, index) => {
    // Nearly every annotation is where it was written: nothing to say, nothing to build.
    if (anchor.kind === 'exact') return;
    const where = positions[index] ?? { line: 1, column: 1 };
    const stored = sidecar.annotations[index];
    if (stored === undefined) return;
    const name = `"${stored.text}" (${stored.type})`;
    const report = (code: 'annotation-orphaned' | 'annotation-fuzzy' | 'annotation-moved', message: string, severity: Problem['severity']) =>
      problems.push(problem(code, message, file, where.line, where.column, severity));
    if (anchor.kind === 'orphan') {
      if (!options.current) report('annotation-orphaned', `${name} was not found in the text any more; fix or delete it by hand.`, 'warning');
    } else if (anchor.kind === 'fuzzy') {
      report('annotation-fuzzy', `${name} was only found approximately, at ${anchor.start}-${anchor.end}; check it.`, 'warning');
    } else if (anchor.kind === 'moved' && (anchor.unexplained === true || options.everyMove === true)) {
      const why = anchor.unexplained === true ? ', further than the edit explains (only part of its context is there); check it' : '';
      report('annotation-moved', `${name} moved from ${stored.start}-${stored.end} to ${anchor.start}-${anchor.end}${why}.`, 'info');
    }
  });
  return problems;
}
