/**
 * Token-level agreement: Cohen's kappa over the labels two sides give each token.
 *
 * Tokens are the CoNLL export's (src/core/export/tokenize.ts), split at every annotation boundary
 * of either side, so each token lies wholly inside or wholly outside every annotation. A token's
 * label on one side is the type of the annotation that covers it, or `O`. Where a side's tags nest
 * or overlap, the one that starts first wins, then the longest, then the type that sorts first:
 * the same outermost-first rule the CoNLL export follows. (The export also drops an entity that
 * crosses a kept one; here every token is labelled on its own, so the crossing tag still labels
 * the tokens nobody else covers.)
 *
 * kappa = (po - pe) / (1 - pe), with po the share of tokens both sides label alike and pe the
 * agreement expected by chance from each side's label frequencies. It is undefined (null) when
 * there are no tokens or pe is 1 (both sides give every token the same one label). `O` tokens
 * usually dominate news text, so po and pe are both high and kappa reads higher than entity F1.
 */
import type { Annotation } from '../sidecar/model';
import { CodePointIndex } from '../text/codePoints';
import { scanTokens, splitTokensAt } from '../export/tokenize';
import { compareStrings } from './matchAnnotations';

export const outsideLabel = 'O';

/** Label counts gathered over documents. */
export class KappaTally {
  tokens = 0;
  agreed = 0;
  readonly leftLabels = new Map<string, number>();
  readonly rightLabels = new Map<string, number>();

  add(leftLabel: string, rightLabel: string): void {
    this.tokens++;
    if (leftLabel === rightLabel) this.agreed++;
    this.leftLabels.set(leftLabel, (this.leftLabels.get(leftLabel) ?? 0) + 1);
    this.rightLabels.set(rightLabel, (this.rightLabels.get(rightLabel) ?? 0) + 1);
  }

  kappa(): number | null {
    if (this.tokens === 0) return null;
    let chance = 0;
    for (const [label, count] of this.leftLabels) chance += count * (this.rightLabels.get(label) ?? 0);
    const squared = this.tokens * this.tokens;
    if (chance === squared) return null;
    const observed = this.agreed / this.tokens;
    const expected = chance / squared;
    return (observed - expected) / (1 - expected);
  }
}

/** Adds one document's tokens to the tally. */
export function tallyDocument(tally: KappaTally, text: CodePointIndex | string, left: readonly Annotation[], right: readonly Annotation[]): void {
  const index = typeof text === 'string' ? new CodePointIndex(text) : text;
  const length = index.codePointLength;
  const leftSpans = labelledSpans(left, length);
  const rightSpans = labelledSpans(right, length);
  const boundaries: number[] = [];
  for (const span of leftSpans) boundaries.push(span.start, span.end);
  for (const span of rightSpans) boundaries.push(span.start, span.end);
  const leftLabels = new Labeller(leftSpans);
  const rightLabels = new Labeller(rightSpans);
  for (const token of splitTokensAt(scanTokens(index), index, boundaries)) {
    tally.add(leftLabels.labelAt(token.start, token.end), rightLabels.labelAt(token.start, token.end));
  }
}

interface Span {
  start: number;
  end: number;
  type: string;
}

/** The side's ranges within the text, in order of precedence (first start, longest, type). */
function labelledSpans(annotations: readonly Annotation[], length: number): Span[] {
  const spans: Span[] = [];
  for (const annotation of annotations) {
    if (!Number.isFinite(annotation.start) || !Number.isFinite(annotation.end)) continue;
    const start = Math.max(0, annotation.start);
    const end = Math.min(length, annotation.end);
    if (start < end) spans.push({ start, end, type: annotation.type });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || compareStrings(a.type, b.type));
}

/**
 * Labels tokens in order. Spans join the active list in precedence order; a span that has ended
 * stays dead for every later token, so dead spans are dropped from the front only, and the first
 * live span is the one that covers the token with the highest precedence (tokens never cross a
 * span's boundary).
 */
class Labeller {
  private next = 0;
  private readonly active: Span[] = [];
  private head = 0;

  constructor(private readonly spans: readonly Span[]) {}

  labelAt(start: number, end: number): string {
    while (this.next < this.spans.length && this.spans[this.next].start <= start) this.active.push(this.spans[this.next++]);
    while (this.head < this.active.length && this.active[this.head].end <= start) this.head++;
    const span = this.active[this.head];
    // `span.start <= start < span.end`, and the token ends by the span's end (a boundary).
    return span !== undefined && end <= span.end ? span.type : outsideLabel;
  }
}
