/**
 * One agreement report from the reports of disjoint parts of a corpus (the documents split by
 * path, each part compared apart, e.g. in its own worker thread). The result is the report
 * compareSides gives for the whole: counts are summed before any ratio is taken (micro-averaged,
 * as compareSides does), kappa comes from the summed token counts, and lists keep compareSides'
 * order (by path; a document's disagreements all come from one part, already in order).
 */
import type { AgreementReport, MatchScores, Scores } from './agreementReport';
import { compareStrings } from './matchAnnotations';
import { addCounts, emptyCounts, scoresOf, type MatchCounts } from './scores';
import { addKappaCounts, kappaOf, type KappaCounts } from './tokenKappa';

/** A report and the token counts behind its kappa. */
export interface ReportPart {
  report: AgreementReport;
  kappa: KappaCounts;
}

/** The parts as one part: its report is the whole corpus's, its counts the sum of the parts'. */
export function mergeReports(parts: readonly [ReportPart, ...ReportPart[]]): ReportPart {
  if (parts.length === 1) return parts[0];
  const exact = emptyCounts();
  const overlap = emptyCounts();
  const typeCounts = new Map<string, { exact: MatchCounts; overlap: MatchCounts }>();
  for (const { report } of parts) {
    addCounts(exact, countsOf(report.exact));
    addCounts(overlap, countsOf(report.overlap));
    for (const [type, scores] of Object.entries(report.byType)) {
      let total = typeCounts.get(type);
      if (total === undefined) typeCounts.set(type, (total = { exact: emptyCounts(), overlap: emptyCounts() }));
      addCounts(total.exact, countsOf(scores.exact));
      addCounts(total.overlap, countsOf(scores.overlap));
    }
  }
  const byType: Record<string, MatchScores> = {};
  for (const type of [...typeCounts.keys()].sort(compareStrings)) {
    const counts = typeCounts.get(type)!;
    // Defined rather than assigned, as compareSides does, so `__proto__` is a type like any other.
    Object.defineProperty(byType, type, { value: { exact: scoresOf(counts.exact), overlap: scoresOf(counts.overlap) }, enumerable: true, writable: true, configurable: true });
  }
  const kappa = addKappaCounts(parts.map((part) => part.kappa));
  // Sorting is stable, so ordering by path alone keeps each document's own order.
  const byPath = <T extends { path: string }>(items: T[]) => items.sort((a, b) => compareStrings(a.path, b.path));
  const first = parts[0].report;
  const report: AgreementReport = {
    left: first.left,
    right: first.right,
    exact: scoresOf(exact),
    overlap: scoresOf(overlap),
    byType,
    byDocument: byPath(parts.flatMap((part) => part.report.byDocument)),
    kappa: kappaOf(kappa),
    tokens: kappa.tokens,
    disagreements: byPath(parts.flatMap((part) => part.report.disagreements)),
    skipped: byPath(parts.flatMap((part) => part.report.skipped)),
  };
  return { report, kappa };
}

function countsOf(scores: Scores): MatchCounts {
  return { matched: scores.matched, left: scores.left, right: scores.right };
}
