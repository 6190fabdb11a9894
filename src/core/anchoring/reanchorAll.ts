import { CodePointIndex } from '../text/codePoints';
import { anchorByContext, anchorByEvidence, type AnchorResult, type StoredSpan } from './anchorSpan';
import { SearchBudget, spanLimit } from './fuzzyAnchor';
import { ShiftEvidence } from './shiftEvidence';

/**
 * Fuzzy work one call may do in total, in block-columns (see `spanLimit`): about ten spans'
 * worth of whole-text searches, well under a second. Spans that still need a fuzzy search after
 * it is spent come back as orphans, so re-anchoring a mangled file cannot freeze the editor.
 */
const runLimit = 10 * spanLimit;

/**
 * Anchors every span against the new text; results in the same order as the input. Spans found
 * with their whole context first; they show how far the edit shifted the text around them, which
 * places the others whose own context was rewritten (see `ShiftEvidence`).
 */
export function reanchorAll(index: CodePointIndex, spans: readonly StoredSpan[]): AnchorResult[] {
  const budget = new SearchBudget(runLimit);
  const passes = spans.map((span) => anchorByContext(index, span));
  const known = passes.flatMap((pass, position) => (pass.settled && pass.shift !== undefined ? [{ start: spans[position].start, shift: pass.shift }] : []));
  const evidence = new ShiftEvidence(known);
  return passes.map((pass, position) => (pass.settled ? pass.result : anchorByEvidence(index, spans[position], pass, budget, evidence.around(spans[position].start))));
}
