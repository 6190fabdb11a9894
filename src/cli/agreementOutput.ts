/**
 * How `news-annotator agree` shows agreement reports: a human summary (scores, per type, the
 * documents with the lowest agreement, every disagreement as `path:line:column` with both sides,
 * what was skipped), a pairwise matrix for more than two sides, and the per-document CSV table.
 * Anything quoted from files goes through `printable`.
 */
import type { AgreementReport, Disagreement, DocumentAgreement, Scores, SkipReason } from '../core/agreement/agreementReport';
import type { Annotation } from '../core/sidecar/model';
import { printable } from '../core/text/printable';

/** Documents listed in the human summary; the CSV and JSON have them all. */
export const documentsShown = 20;

export interface Unreadable {
  side: string;
  path: string;
  /** Formatted `path:line:column: severity: message` lines. */
  problems: string[];
}

export interface PairOutput {
  /** The sides' places on the command line (a side may be named twice). */
  leftIndex: number;
  rightIndex: number;
  report: AgreementReport;
  unreadable: Unreadable[];
}

const number = (value: number) => value.toFixed(3);
const kappaText = (kappa: number | null) => (kappa === null ? 'n/a' : number(kappa));

export function formatPair(pair: PairOutput, display: (file: string) => string): string {
  const { report } = pair;
  const out: string[] = [];
  out.push(`Agreement: ${report.left} (left, the reference) vs ${report.right} (right)`);
  const skipped = report.skipped.length + pair.unreadable.length;
  out.push(`Compared ${report.byDocument.length} document(s)${skipped > 0 ? `, skipped ${skipped}` : ''}; annotations: ${report.exact.left} left, ${report.exact.right} right; ${report.tokens} tokens.`);
  out.push('');
  out.push(...table(['Matching', 'Matched', 'Precision', 'Recall', 'F1'], [scoreRow('exact', report.exact), scoreRow('overlap', report.overlap)]));
  out.push(`Token kappa: ${kappaText(report.kappa)} (Cohen's, over tokens labelled by type or O; O tokens raise it: see docs/agreement.md)`);
  const types = Object.entries(report.byType);
  if (types.length > 0) {
    out.push('', 'By type:');
    out.push(...table(['Type', 'Left', 'Right', 'Exact F1', 'Overlap F1'], types.map(([type, scores]) => [type, String(scores.exact.left), String(scores.exact.right), number(scores.exact.f1), number(scores.overlap.f1)])));
  }
  if (report.byDocument.length > 0) {
    const lowest = lowestFirst(report.byDocument);
    const shown = lowest.slice(0, documentsShown);
    out.push('', `Documents, lowest agreement first${shown.length < lowest.length ? ` (${shown.length} of ${lowest.length})` : ''}:`);
    out.push(...table(['Document', 'Left', 'Right', 'Exact F1', 'Overlap F1'], shown.map((document) => [display(document.path), String(document.exact.left), String(document.exact.right), number(document.exact.f1), number(document.overlap.f1)])));
    if (shown.length < lowest.length) out.push(`... and ${lowest.length - shown.length} more (--csv FILE or --json lists them all)`);
  }
  out.push('', `Disagreements: ${report.disagreements.length}`);
  for (const item of report.disagreements) out.push(disagreementLine(item, display));
  if (skipped > 0) {
    out.push('', `Skipped: ${skipped}`);
    for (const item of report.skipped) out.push(`  ${display(item.path)}: ${skipReason(item.reason, report)}`);
    for (const item of pair.unreadable) out.push(`  ${display(item.path)}: could not be read on ${item.side}`, ...item.problems.map((problem) => `    ${problem}`));
  }
  return out.map((row) => printable(row) + '\n').join('');
}

/** Lowest exact F1 first, then lowest overlap F1, then by path. */
export function lowestFirst(documents: readonly DocumentAgreement[]): DocumentAgreement[] {
  return [...documents].sort((a, b) => a.exact.f1 - b.exact.f1 || a.overlap.f1 - b.overlap.f1 || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function disagreementLine(item: Disagreement, display: (file: string) => string): string {
  return `${display(item.path)}:${item.line}:${item.column}: ${item.kind}  left: ${describe(item.left)}  right: ${describe(item.right)}`;
}

const describe = (annotation: Annotation | undefined) => (annotation === undefined ? '-' : `${annotation.type} ${JSON.stringify(annotation.text)}`);

function skipReason(reason: SkipReason, report: AgreementReport): string {
  if (reason === 'missing-left') return `not on the left (${report.left})`;
  if (reason === 'missing-right') return `not on the right (${report.right})`;
  return 'the text differs between the sides';
}

function scoreRow(name: string, scores: Scores): string[] {
  return [name, String(scores.matched), number(scores.precision), number(scores.recall), number(scores.f1)];
}

/** For more than two sides: exact and overlap F1 matrices (symmetric), then each pair's summary. */
export function formatMatrix(names: readonly string[], pairs: readonly PairOutput[]): string {
  const out: string[] = [];
  for (const [title, key] of [
    ['Exact F1', 'exact'],
    ['Overlap F1', 'overlap'],
  ] as const) {
    const values = matrixOf(names, pairs, (report) => report[key].f1);
    out.push(`${title}:`);
    out.push(...table(['', ...names], names.map((name, row) => [name, ...values[row].map((value) => (value === null ? '-' : number(value)))])));
    out.push('');
  }
  out.push('Pairs:');
  for (const { report, unreadable } of pairs) {
    const skipped = report.skipped.length + unreadable.length;
    out.push(
      `  ${report.left} vs ${report.right}: exact F1 ${number(report.exact.f1)}, overlap F1 ${number(report.overlap.f1)}, kappa ${kappaText(report.kappa)}, ` +
        `${report.byDocument.length} document(s), ${report.disagreements.length} disagreement(s)${skipped > 0 ? `, ${skipped} skipped` : ''}`,
    );
  }
  return out.map((row) => printable(row) + '\n').join('');
}

/** The pairs' values by side; null on the diagonal. F1 is the same whichever side is left. */
export function matrixOf(names: readonly string[], pairs: readonly PairOutput[], value: (report: AgreementReport) => number): Array<Array<number | null>> {
  const matrix = names.map(() => names.map((): number | null => null));
  for (const { report, leftIndex, rightIndex } of pairs) {
    matrix[leftIndex][rightIndex] = matrix[rightIndex][leftIndex] = value(report);
  }
  return matrix;
}

const csvHeader = ['left', 'right', 'path', 'left_annotations', 'right_annotations', 'exact_matched', 'exact_precision', 'exact_recall', 'exact_f1', 'overlap_matched', 'overlap_precision', 'overlap_recall', 'overlap_f1'];

/** The per-document table of every pair as CSV (RFC 4180 quoting), one row per document. */
export function documentsCsv(reports: readonly AgreementReport[]): string {
  const rows = [csvHeader];
  for (const report of reports) {
    for (const document of report.byDocument) {
      const { exact, overlap } = document;
      rows.push([report.left, report.right, document.path, exact.left, exact.right, exact.matched, exact.precision, exact.recall, exact.f1, overlap.matched, overlap.precision, overlap.recall, overlap.f1].map(String));
    }
  }
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** Columns padded to their widest cell (in code points, as printed); numbers right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const width = (cell: string) => Array.from(printable(cell)).length;
  const widths = header.map((title, column) => rows.reduce((widest, row) => Math.max(widest, width(row[column])), width(title)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^[\d.]+$|^-$|^n\/a$/u.test(row[column])));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column] - width(cell));
        return numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
