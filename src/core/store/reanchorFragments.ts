/**
 * Re-anchoring a sidecar in which some annotations are discontinuous: every fragment is found
 * again on its own, as if it were a span (the first carries the annotation's prefix, the last its
 * suffix), and the annotation follows its fragments. When any fragment cannot be found, or the
 * fragments found are no longer in order, the annotation is an orphan, like a span that cannot
 * be found: a person places it again.
 */
import { reanchorAll } from '../anchoring/reanchorAll';
import type { AnchorResult, StoredSpan } from '../anchoring/anchorSpan';
import { fragmentShapeProblem, storedPieceTexts } from '../sidecar/fragments';
import type { Annotation } from '../sidecar/model';
import type { CodePointIndex } from '../text/codePoints';

export function reanchorFragments(text: CodePointIndex, annotations: readonly Annotation[]): AnchorResult[] {
  const spans: StoredSpan[] = [];
  /** For each annotation: where its spans start in `spans` and how many there are (0: orphan as stored). */
  const slots: Array<{ first: number; count: number }> = [];
  for (const annotation of annotations) {
    const fragments = annotation.fragments;
    if (fragments === undefined) {
      slots.push({ first: spans.length, count: 1 });
      spans.push(annotation);
      continue;
    }
    const pieces = fragmentShapeProblem(annotation) === undefined ? storedPieceTexts(annotation) : undefined;
    if (pieces === undefined) {
      slots.push({ first: spans.length, count: 0 });
      continue;
    }
    slots.push({ first: spans.length, count: fragments.length });
    fragments.forEach(([start, end], index) => {
      const span: { start: number; end: number; text: string; prefix?: string; suffix?: string } = { start, end, text: pieces[index] };
      if (index === 0 && annotation.prefix !== undefined) span.prefix = annotation.prefix;
      if (index === fragments.length - 1 && annotation.suffix !== undefined) span.suffix = annotation.suffix;
      spans.push(span);
    });
  }
  const found = reanchorAll(text, spans);
  return annotations.map((annotation, index) => {
    const { first, count } = slots[index];
    if (count === 0) return { kind: 'orphan' };
    if (annotation.fragments === undefined) return found[first];
    return combine(found.slice(first, first + count));
  });
}

/** One result for a discontinuous span from its fragments' results. */
function combine(results: readonly AnchorResult[]): AnchorResult {
  const places: Array<readonly [number, number]> = [];
  let kind: 'exact' | 'moved' | 'fuzzy' = 'exact';
  let score = 1;
  for (const result of results) {
    if (result.kind === 'orphan') return { kind: 'orphan' };
    if (places.length > 0 && result.start <= places[places.length - 1][1]) return { kind: 'orphan' };
    places.push([result.start, result.end]);
    if (result.kind === 'fuzzy') {
      kind = 'fuzzy';
      score = Math.min(score, result.score);
    } else if (result.kind === 'moved' && kind === 'exact') kind = 'moved';
  }
  const start = places[0][0];
  const end = places[places.length - 1][1];
  if (kind === 'fuzzy') return { kind, start, end, score, fragments: places };
  return { kind, start, end, fragments: places };
}
