import { CodePointIndex } from '../text/codePoints';
import { anchorWithBudget, type AnchorResult, type StoredSpan } from './anchorSpan';
import { SearchBudget, spanLimit } from './fuzzyAnchor';

/**
 * Fuzzy work one call may do in total, in block-columns (see `spanLimit`): about ten spans'
 * worth of whole-text searches, well under a second. Spans that still need a fuzzy search after
 * it is spent come back as orphans, so re-anchoring a mangled file cannot freeze the editor.
 */
const runLimit = 10 * spanLimit;

/** Anchors every span against the new text; results in the same order as the input. */
export function reanchorAll(index: CodePointIndex, spans: readonly StoredSpan[]): AnchorResult[] {
  const budget = new SearchBudget(runLimit);
  return spans.map((span) => anchorWithBudget(index, span, budget));
}
