/**
 * Compares two sides of a corpus and builds the agreement report (agreementReport.ts): exact and
 * overlap precision, recall and F1 overall, per type and per document, token-level Cohen's kappa,
 * and every disagreement with its place in the text. Pure: no I/O, the same report for the same
 * input.
 *
 * Only documents both sides have, with the same text, are compared; the others are listed in
 * `skipped`. Overall and per-type scores are micro-averaged: the counts of every compared document
 * are summed before dividing. Matching rules are in matchAnnotations.ts, the score conventions
 * (both sides empty agree: 1) in scores.ts, the token labels in tokenKappa.ts.
 *
 * Disagreements come from the overlap matching:
 * - a matched pair whose spans differ is a `boundary` disagreement;
 * - an unmatched left tag and an unmatched right tag with the same span are one `type` disagreement;
 * - any other unmatched tag is `only-left` or `only-right`.
 * Each is placed at the earlier start of its tags (1-based line and column, columns in code
 * points) and the list is sorted by path, then offset, then end, then kind and types.
 */
import type { Annotation } from '../sidecar/model';
import { CodePointIndex } from '../text/codePoints';
import { LinePositions } from '../text/linePositions';
import type { AgreementReport, Disagreement, DisagreementKind, DocumentAgreement, MatchScores, Side, SideDocument, SkippedDocument } from './agreementReport';
import { compareStrings, matchAnnotations } from './matchAnnotations';
import { addCounts, emptyCounts, scoresOf, type MatchCounts } from './scores';
import { KappaTally, tallyDocument } from './tokenKappa';
import type { ReportPart } from './mergeReports';

export function compareSides(left: Side, right: Side): AgreementReport {
  return compareSidesCounted(left, right).report;
}

/**
 * The report with the token counts behind its kappa, so reports of parts of a corpus compared
 * apart (in worker threads) add up to the report of the whole (mergeReports.ts).
 */
export function compareSidesCounted(left: Side, right: Side): ReportPart {
  const leftByPath = byPath(left.documents);
  const rightByPath = byPath(right.documents);
  const paths = [...new Set([...leftByPath.keys(), ...rightByPath.keys()])].sort(compareStrings);
  const skipped: SkippedDocument[] = [];
  const exact = emptyCounts();
  const overlap = emptyCounts();
  const typeCounts = new Map<string, { exact: MatchCounts; overlap: MatchCounts }>();
  const byDocument: DocumentAgreement[] = [];
  const disagreements: Array<{ offset: number; end: number; item: Disagreement }> = [];
  const tally = new KappaTally();
  for (const path of paths) {
    const leftDocument = leftByPath.get(path);
    const rightDocument = rightByPath.get(path);
    if (leftDocument === undefined) skipped.push({ path, reason: 'missing-left' });
    else if (rightDocument === undefined) skipped.push({ path, reason: 'missing-right' });
    else if (leftDocument.text !== rightDocument.text) skipped.push({ path, reason: 'text-differs' });
    else {
      const matching = matchAnnotations(leftDocument.annotations, rightDocument.annotations);
      const documentExact = emptyCounts();
      const documentOverlap = emptyCounts();
      for (const [type, counts] of matching.exact) {
        addCounts(documentExact, counts);
        addCounts(typeEntry(typeCounts, type).exact, counts);
      }
      for (const [type, counts] of matching.overlap) {
        addCounts(documentOverlap, counts);
        addCounts(typeEntry(typeCounts, type).overlap, counts);
      }
      addCounts(exact, documentExact);
      addCounts(overlap, documentOverlap);
      byDocument.push({ path, exact: scoresOf(documentExact), overlap: scoresOf(documentOverlap) });
      const index = new CodePointIndex(leftDocument.text);
      tallyDocument(tally, index, leftDocument.annotations, rightDocument.annotations);
      disagreements.push(...documentDisagreements(path, index, matching));
    }
  }
  disagreements.sort((a, b) => compareStrings(a.item.path, b.item.path) || a.offset - b.offset || a.end - b.end || compareDisagreements(a.item, b.item));
  const byType: Record<string, MatchScores> = {};
  for (const type of [...typeCounts.keys()].sort(compareStrings)) {
    const counts = typeCounts.get(type)!;
    // Defined rather than assigned, so a type named `__proto__` is an entry like any other.
    Object.defineProperty(byType, type, { value: { exact: scoresOf(counts.exact), overlap: scoresOf(counts.overlap) }, enumerable: true, writable: true, configurable: true });
  }
  const report: AgreementReport = {
    left: left.name,
    right: right.name,
    exact: scoresOf(exact),
    overlap: scoresOf(overlap),
    byType,
    byDocument,
    kappa: tally.kappa(),
    tokens: tally.tokens,
    disagreements: disagreements.map((entry) => entry.item),
    skipped,
  };
  return { report, kappa: tally.counts() };
}

/** The side's documents by path; a path listed twice keeps its first document. */
function byPath(documents: readonly SideDocument[]): Map<string, SideDocument> {
  const map = new Map<string, SideDocument>();
  for (const document of documents) if (!map.has(document.path)) map.set(document.path, document);
  return map;
}

function typeEntry(map: Map<string, { exact: MatchCounts; overlap: MatchCounts }>, type: string) {
  let entry = map.get(type);
  if (entry === undefined) map.set(type, (entry = { exact: emptyCounts(), overlap: emptyCounts() }));
  return entry;
}

const kindOrder: readonly DisagreementKind[] = ['boundary', 'type', 'only-left', 'only-right'];

function compareDisagreements(a: Disagreement, b: Disagreement): number {
  return (
    kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
    compareStrings(a.left?.type ?? '', b.left?.type ?? '') ||
    compareStrings(a.right?.type ?? '', b.right?.type ?? '') ||
    (a.left?.end ?? 0) - (b.left?.end ?? 0) ||
    (a.right?.end ?? 0) - (b.right?.end ?? 0)
  );
}

function documentDisagreements(path: string, index: CodePointIndex, matching: ReturnType<typeof matchAnnotations>) {
  const found: Array<{ kind: DisagreementKind; left?: Annotation; right?: Annotation }> = [];
  for (const [left, right] of matching.pairs) {
    if (left.start !== right.start || left.end !== right.end) found.push({ kind: 'boundary', left, right });
  }
  // Unmatched tags with the same span on both sides differ only in type.
  const rightsBySpan = new Map<string, Annotation[]>();
  for (const right of matching.unmatchedRight) {
    const key = `${right.start}:${right.end}`;
    const list = rightsBySpan.get(key);
    if (list === undefined) rightsBySpan.set(key, [right]);
    else list.push(right);
  }
  const pairedRights = new Set<Annotation>();
  for (const left of matching.unmatchedLeft) {
    const right = rightsBySpan.get(`${left.start}:${left.end}`)?.shift();
    if (right === undefined) found.push({ kind: 'only-left', left });
    else {
      pairedRights.add(right);
      found.push({ kind: 'type', left, right });
    }
  }
  for (const right of matching.unmatchedRight) if (!pairedRights.has(right)) found.push({ kind: 'only-right', right });
  if (found.length === 0) return [];
  const lines = new LinePositions(index.text);
  return found.map(({ kind, left, right }) => {
    const offset = Math.min(left?.start ?? Infinity, right?.start ?? Infinity);
    const end = Math.max(left?.end ?? -Infinity, right?.end ?? -Infinity);
    const { line, column } = lines.at(index.toUtf16(offset));
    const item: Disagreement = { path, line, column, kind, ...(left === undefined ? {} : { left }), ...(right === undefined ? {} : { right }) };
    return { offset, end, item };
  });
}
