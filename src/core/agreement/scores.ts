/**
 * Precision, recall and F1 from counts. Left is the reference: precision is matched / right,
 * recall is matched / left, and F1 = 2PR / (P + R), which equals 2 * matched / (left + right).
 * Conventions where a ratio has nothing to divide by: when both sides are empty they agree
 * completely (P = R = F1 = 1); when only one side is empty, both precision and recall are 0
 * (nothing the other side found was confirmed), so F1 is 0 too.
 */
import type { Scores } from './agreementReport';

export interface MatchCounts {
  matched: number;
  left: number;
  right: number;
}

export const emptyCounts = (): MatchCounts => ({ matched: 0, left: 0, right: 0 });

export function addCounts(total: MatchCounts, counts: MatchCounts): void {
  total.matched += counts.matched;
  total.left += counts.left;
  total.right += counts.right;
}

export function scoresOf(counts: MatchCounts): Scores {
  const { matched, left, right } = counts;
  if (left === 0 && right === 0) return { matched, left, right, precision: 1, recall: 1, f1: 1 };
  const precision = right === 0 ? 0 : matched / right;
  const recall = left === 0 ? 0 : matched / left;
  // 2PR / (P + R) written as 2 * matched / (left + right): the same number, rounded once.
  const f1 = (2 * matched) / (left + right);
  return { matched, left, right, precision, recall, f1 };
}
