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
import { TokenScanner } from '../export/tokenize';
import { compareStrings } from './matchAnnotations';

export const outsideLabel = 'O';

/**
 * Label counts gathered over documents. Labels are numbered as they are first seen (0 is `O`),
 * so counting a token is a few array increments, not string look-ups: documents have many
 * tokens and few labels.
 */
export class KappaTally {
  tokens = 0;
  agreed = 0;
  private readonly labels = new Map<string, number>([[outsideLabel, 0]]);
  private readonly leftCounts: number[] = [0];
  private readonly rightCounts: number[] = [0];

  /** The number of a label, numbering it when new. */
  labelNumber(label: string): number {
    let number = this.labels.get(label);
    if (number === undefined) {
      number = this.labels.size;
      this.labels.set(label, number);
      this.leftCounts.push(0);
      this.rightCounts.push(0);
    }
    return number;
  }

  add(leftLabel: number, rightLabel: number): void {
    this.tokens++;
    if (leftLabel === rightLabel) this.agreed++;
    this.leftCounts[leftLabel]++;
    this.rightCounts[rightLabel]++;
  }

  kappa(): number | null {
    return kappaOf(this.counts());
  }

  /** The tally as plain data, labels by name: what is summed over parts of a corpus compared apart. */
  counts(): KappaCounts {
    const labels: Array<[string, number, number]> = [];
    for (const [label, number] of this.labels) labels.push([label, this.leftCounts[number], this.rightCounts[number]]);
    return { tokens: this.tokens, agreed: this.agreed, labels };
  }
}

/** Token counts: how many, how many labelled alike, and per label how many each side gave it. */
export interface KappaCounts {
  tokens: number;
  agreed: number;
  /** [label, tokens left gave it, tokens right gave it]. */
  labels: Array<[string, number, number]>;
}

/** The counts of several parts as one (labels matched by name). */
export function addKappaCounts(parts: readonly KappaCounts[]): KappaCounts {
  const labels = new Map<string, [string, number, number]>();
  let tokens = 0;
  let agreed = 0;
  for (const part of parts) {
    tokens += part.tokens;
    agreed += part.agreed;
    for (const [label, left, right] of part.labels) {
      const total = labels.get(label);
      if (total === undefined) labels.set(label, [label, left, right]);
      else {
        total[1] += left;
        total[2] += right;
      }
    }
  }
  return { tokens, agreed, labels: [...labels.values()] };
}

export function kappaOf(counts: KappaCounts): number | null {
  if (counts.tokens === 0) return null;
  // Integer products and sums (exact below 2^53), so the order labels come in does not matter.
  let chance = 0;
  for (const [, left, right] of counts.labels) chance += left * right;
  const squared = counts.tokens * counts.tokens;
  if (chance === squared) return null;
  const observed = counts.agreed / counts.tokens;
  const expected = chance / squared;
  return (observed - expected) / (1 - expected);
}

/** Adds one document's tokens to the tally. */
export function tallyDocument(tally: KappaTally, text: CodePointIndex | string, left: readonly Annotation[], right: readonly Annotation[]): void {
  const index = typeof text === 'string' ? new CodePointIndex(text) : text;
  const length = index.codePointLength;
  const leftSpans = labelledSpans(tally, left, length);
  const rightSpans = labelledSpans(tally, right, length);
  const boundaries: number[] = [];
  for (const span of leftSpans) boundaries.push(span.start, span.end);
  for (const span of rightSpans) boundaries.push(span.start, span.end);
  // Tokens split at every boundary inside them, as splitTokensAt does, by their bounds alone.
  const cuts = Array.from(new Set(boundaries)).sort((a, b) => a - b);
  const leftLabels = new Labeller(leftSpans);
  const rightLabels = new Labeller(rightSpans);
  const scanner = new TokenScanner(index.text);
  let next = 0;
  while (scanner.next()) {
    while (next < cuts.length && cuts[next] <= scanner.start) next++;
    let start = scanner.start;
    while (next < cuts.length && cuts[next] < scanner.end) {
      tally.add(leftLabels.labelAt(start, cuts[next]), rightLabels.labelAt(start, cuts[next]));
      start = cuts[next++];
    }
    tally.add(leftLabels.labelAt(start, scanner.end), rightLabels.labelAt(start, scanner.end));
  }
}

interface Span {
  start: number;
  end: number;
  type: string;
  /** The type's number in the tally. */
  label: number;
}

/** The side's ranges within the text, in order of precedence (first start, longest, type). */
function labelledSpans(tally: KappaTally, annotations: readonly Annotation[], length: number): Span[] {
  const spans: Span[] = [];
  for (const annotation of annotations) {
    if (!Number.isFinite(annotation.start) || !Number.isFinite(annotation.end)) continue;
    const start = Math.max(0, annotation.start);
    const end = Math.min(length, annotation.end);
    if (start < end) spans.push({ start, end, type: annotation.type, label: tally.labelNumber(annotation.type) });
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

  labelAt(start: number, end: number): number {
    while (this.next < this.spans.length && this.spans[this.next].start <= start) this.active.push(this.spans[this.next++]);
    while (this.head < this.active.length && this.active[this.head].end <= start) this.head++;
    const span = this.active[this.head];
    // `span.start <= start < span.end`, and the token ends by the span's end (a boundary).
    return span !== undefined && end <= span.end ? span.label : 0;
  }
}
