/**
 * What `news-annotator agree` computes, as plain data: every side read (readSide.ts), every pair
 * compared, documents a side could not read left out of each pair with that side and listed. Run
 * whole in one thread, or per part of the corpus in worker threads (compareInWorkers.ts), whose
 * results add up (mergeComparisons) to the same report.
 */
import type { Side } from '../core/agreement/agreementReport';
import { compareSidesCounted } from '../core/agreement/compareSides';
import { mergeReports, type ReportPart } from '../core/agreement/mergeReports';
import { compareStrings } from '../core/agreement/matchAnnotations';
import { formatProblem } from '../core/problem';
import { readSide, type SideRead, type Shard } from './readSide';

export interface UnreadableDocument {
  side: string;
  path: string;
  /** Formatted `path:line:column: severity: message` lines. */
  problems: string[];
}

export interface SideSummary {
  name: string;
  /** The folder of a folder side (absolute). */
  folder?: string;
  /** Annotations left out because they no longer sit on their text. */
  unplaced: number;
  /** Documents left out because they could not be read. */
  unreadable: number;
}

export interface ComparedPair {
  /** The sides' places on the command line (a side may be named twice). */
  leftIndex: number;
  rightIndex: number;
  part: ReportPart;
  unreadable: UnreadableDocument[];
}

export interface CorpusComparison {
  sides: SideSummary[];
  pairs: ComparedPair[];
}

export interface CompareOptions {
  cwd: string;
  /** The corpus folder whose repository `git:REF` sides are read from (absolute). */
  root: string;
  shard?: Shard;
  /** Progress of reading side `side` (an index into the specs). */
  onProgress?: (side: number, done: number, total: number) => void;
}

export async function compareCorpusSides(specs: readonly string[], options: CompareOptions): Promise<CorpusComparison | { error: string }> {
  const sides: SideRead[] = [];
  for (const [index, spec] of specs.entries()) {
    const read = await readSide(spec, { cwd: options.cwd, root: options.root, shard: options.shard, onProgress: (done, total) => options.onProgress?.(index, done, total) });
    if ('error' in read) return read;
    sides.push(read);
  }
  const pairs: ComparedPair[] = [];
  for (let left = 0; left < sides.length; left++) {
    for (let right = left + 1; right < sides.length; right++) pairs.push(comparePair(sides, left, right));
  }
  return {
    sides: sides.map((read) => ({ name: read.side.name, ...(read.folder === undefined ? {} : { folder: read.folder }), unplaced: read.unplaced, unreadable: read.unreadable.length })),
    pairs,
  };
}

/** Compares two sides without the documents either could not read (listed instead). */
function comparePair(sides: readonly SideRead[], leftIndex: number, rightIndex: number): ComparedPair {
  const left = sides[leftIndex];
  const right = sides[rightIndex];
  const unreadable: UnreadableDocument[] = [];
  const excluded = new Set<string>();
  for (const read of [left, right]) {
    for (const failure of read.unreadable) {
      excluded.add(failure.path);
      unreadable.push({ side: read.side.name, path: failure.path, problems: failure.problems.map((problem) => formatProblem({ ...problem, file: read.display(problem.file) })) });
    }
  }
  const without = (side: Side): Side => (excluded.size === 0 ? side : { name: side.name, documents: side.documents.filter((document) => !excluded.has(document.path)) });
  return { leftIndex, rightIndex, part: compareSidesCounted(without(left.side), without(right.side)), unreadable };
}

/** The comparisons of disjoint parts of the corpus as one (the same as comparing it whole). */
export function mergeComparisons(parts: readonly [CorpusComparison, ...CorpusComparison[]]): CorpusComparison {
  if (parts.length === 1) return parts[0];
  const first = parts[0];
  const sides = first.sides.map((side, index) => ({
    ...side,
    unplaced: parts.reduce((total, part) => total + part.sides[index].unplaced, 0),
    unreadable: parts.reduce((total, part) => total + part.sides[index].unreadable, 0),
  }));
  const pairs = first.pairs.map((pair, index) => {
    const merged = mergeReports(parts.map((part) => part.pairs[index].part) as [ReportPart, ...ReportPart[]]);
    const sideOrder = (name: string) => (name === first.sides[pair.leftIndex].name ? 0 : 1);
    const unreadable = parts.flatMap((part) => part.pairs[index].unreadable).sort((a, b) => sideOrder(a.side) - sideOrder(b.side) || compareStrings(a.path, b.path));
    return { leftIndex: pair.leftIndex, rightIndex: pair.rightIndex, part: merged, unreadable };
  });
  return { sides, pairs };
}
