/**
 * The shape of an agreement report between two sides of a corpus (two annotators, two branches,
 * two folders). The command line (`news-annotator agree`) prints it, the editor's Compare
 * Annotations report draws it, and adjudication walks its disagreements. Which side is "left"
 * is the caller's choice: scores treat left as the reference, so precision is matched / right
 * and recall is matched / left; F1 is the same either way.
 */
import type { Annotation } from '../sidecar/model';

/** One document as one side has it. */
export interface SideDocument {
  /** The text file's path relative to the corpus root, with `/` separators. */
  readonly path: string;
  /** The decoded text the offsets count code points in. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
}

/** One side: a display name (a folder, `git:REF`, an annotator) and its documents. */
export interface Side {
  readonly name: string;
  readonly documents: readonly SideDocument[];
}

export interface Scores {
  /** Pairs matched one to one. */
  readonly matched: number;
  /** Annotations on each side that took part. */
  readonly left: number;
  readonly right: number;
  /** 0..1; 1 when there was nothing to find on either side (both empty agree). */
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Exact: same span and type. Overlap: same type, ranges overlap, matched one to one. */
export interface MatchScores {
  readonly exact: Scores;
  readonly overlap: Scores;
}

export interface DocumentAgreement extends MatchScores {
  readonly path: string;
}

/**
 * `only-left` / `only-right`: nothing on the other side overlaps with the same type;
 * `type`: the same span with another type; `boundary`: the same type, overlapping, other bounds.
 */
export type DisagreementKind = 'only-left' | 'only-right' | 'type' | 'boundary';

export interface Disagreement {
  readonly path: string;
  /** Where in the text the disagreement starts: 1-based line, 1-based column in code points. */
  readonly line: number;
  readonly column: number;
  readonly kind: DisagreementKind;
  readonly left?: Annotation;
  readonly right?: Annotation;
}

export type SkipReason = 'missing-left' | 'missing-right' | 'text-differs';

export interface SkippedDocument {
  readonly path: string;
  readonly reason: SkipReason;
}

export interface AgreementReport {
  readonly left: string;
  readonly right: string;
  readonly exact: Scores;
  readonly overlap: Scores;
  readonly byType: Readonly<Record<string, MatchScores>>;
  readonly byDocument: readonly DocumentAgreement[];
  /** Token-level Cohen's kappa over the compared documents (tokens as the CoNLL export cuts
   * them, label = entity type or O); null when it is undefined (no tokens, or chance agreement 1). */
  readonly kappa: number | null;
  readonly tokens: number;
  /** Sorted by path, then position. */
  readonly disagreements: readonly Disagreement[];
  /** Documents not compared, and why: only documents present on both sides with the same text count. */
  readonly skipped: readonly SkippedDocument[];
}
