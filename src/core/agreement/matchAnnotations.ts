/**
 * Matches one document's annotations from two sides, type by type.
 *
 * Exact matching pairs annotations with the same start, end and type, one to one (two identical
 * tags on one side need two on the other).
 *
 * Overlap matching pairs annotations of the same type whose ranges overlap (share at least one
 * code point), or that have the same span (which lets empty spans match each other), one to one.
 * The number of pairs is the largest possible (a maximum bipartite matching), so the score never
 * depends on the order tags were written in. Which pairs are chosen follows a stated preference:
 * pairs are first taken greedily (exact spans first, then the largest overlap, then the earlier
 * left start, left end, right start, right end), and that greedy matching is then grown by
 * augmenting paths (Kuhn's algorithm), which only re-pairs tags where that makes room for another
 * pair. An exact pair can therefore be split up when that matches more tags in all, so the exact
 * score is counted on its own and not read off these pairs.
 *
 * Hostile input stays cheap: thousands of tags of one type all overlapping each other would make
 * millions of candidate pairs. One document and type collects at most `maximumCandidates` pairs
 * (in order of start) and the augmenting search visits at most `maximumSearchSteps` edges in all;
 * past either limit the matching is the greedy one (still one to one, perhaps not maximum).
 */
import type { Annotation } from '../sidecar/model';
import { emptyCounts, type MatchCounts } from './scores';

export interface DocumentMatching {
  /** Counts per type, for the types either side uses in this document. */
  readonly exact: ReadonlyMap<string, MatchCounts>;
  readonly overlap: ReadonlyMap<string, MatchCounts>;
  /** The overlap matching's pairs, left then right. */
  readonly pairs: ReadonlyArray<readonly [Annotation, Annotation]>;
  /** Annotations the overlap matching left alone. */
  readonly unmatchedLeft: readonly Annotation[];
  readonly unmatchedRight: readonly Annotation[];
}

export function matchAnnotations(left: readonly Annotation[], right: readonly Annotation[]): DocumentMatching {
  const leftByType = groupByType(left);
  const rightByType = groupByType(right);
  const types = [...new Set([...leftByType.keys(), ...rightByType.keys()])].sort(compareStrings);
  const exact = new Map<string, MatchCounts>();
  const overlap = new Map<string, MatchCounts>();
  const pairs: Array<readonly [Annotation, Annotation]> = [];
  const unmatchedLeft: Annotation[] = [];
  const unmatchedRight: Annotation[] = [];
  for (const type of types) {
    const lefts = leftByType.get(type) ?? [];
    const rights = rightByType.get(type) ?? [];
    exact.set(type, { matched: countExact(lefts, rights), left: lefts.length, right: rights.length });
    const matchOfLeft = maximumOverlapMatching(lefts, rights);
    const rightTaken = new Array<boolean>(rights.length).fill(false);
    const counts = emptyCounts();
    counts.left = lefts.length;
    counts.right = rights.length;
    matchOfLeft.forEach((partner, index) => {
      if (partner < 0) unmatchedLeft.push(lefts[index]);
      else {
        pairs.push([lefts[index], rights[partner]]);
        rightTaken[partner] = true;
        counts.matched++;
      }
    });
    rights.forEach((annotation, index) => {
      if (!rightTaken[index]) unmatchedRight.push(annotation);
    });
    overlap.set(type, counts);
  }
  return { exact, overlap, pairs, unmatchedLeft, unmatchedRight };
}

/** Compares strings by UTF-16 code units, the same everywhere (never by locale). */
export function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function groupByType(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const group = groups.get(annotation.type);
    if (group === undefined) groups.set(annotation.type, [annotation]);
    else group.push(annotation);
  }
  return groups;
}

const spanKey = (annotation: Annotation) => `${annotation.start}:${annotation.end}`;

function countExact(lefts: readonly Annotation[], rights: readonly Annotation[]): number {
  const waiting = new Map<string, number>();
  for (const annotation of lefts) waiting.set(spanKey(annotation), (waiting.get(spanKey(annotation)) ?? 0) + 1);
  let matched = 0;
  for (const annotation of rights) {
    const count = waiting.get(spanKey(annotation)) ?? 0;
    if (count > 0) {
      matched++;
      waiting.set(spanKey(annotation), count - 1);
    }
  }
  return matched;
}

const isProper = (annotation: Annotation) => Number.isFinite(annotation.start) && Number.isFinite(annotation.end) && annotation.start < annotation.end;

export const maximumCandidates = 1_000_000;
export const maximumSearchSteps = 20_000_000;

interface Edge {
  left: number;
  right: number;
  exact: boolean;
  shared: number;
}

/** Every pair that may be matched: the same span, or two proper ranges that overlap. */
function candidateEdges(lefts: readonly Annotation[], rights: readonly Annotation[]): Edge[] {
  const edges: Edge[] = [];
  const rightsBySpan = new Map<string, number[]>();
  rights.forEach((annotation, index) => {
    const list = rightsBySpan.get(spanKey(annotation));
    if (list === undefined) rightsBySpan.set(spanKey(annotation), [index]);
    else list.push(index);
  });
  lefts.forEach((annotation, left) => {
    for (const right of rightsBySpan.get(spanKey(annotation)) ?? []) {
      if (edges.length < maximumCandidates) edges.push({ left, right, exact: true, shared: Math.max(0, annotation.end - annotation.start) });
    }
  });
  // A sweep by start: when a range starts, every range of the other side that started no later
  // and has not ended yet overlaps it.
  type Item = { side: 0 | 1; index: number; annotation: Annotation };
  const items: Item[] = [];
  lefts.forEach((annotation, index) => {
    if (isProper(annotation)) items.push({ side: 0, index, annotation });
  });
  rights.forEach((annotation, index) => {
    if (isProper(annotation)) items.push({ side: 1, index, annotation });
  });
  items.sort((a, b) => a.annotation.start - b.annotation.start);
  const active: [Item[], Item[]] = [[], []];
  for (const item of items) {
    const start = item.annotation.start;
    const others = (active[1 - item.side] = active[1 - item.side].filter((other) => other.annotation.end > start));
    for (const other of others) {
      if (edges.length >= maximumCandidates) return edges;
      const [left, right] = item.side === 0 ? [item, other] : [other, item];
      if (left.annotation.start === right.annotation.start && left.annotation.end === right.annotation.end) continue;
      const shared = Math.min(left.annotation.end, right.annotation.end) - Math.max(left.annotation.start, right.annotation.start);
      edges.push({ left: left.index, right: right.index, exact: false, shared });
    }
    active[item.side].push(item);
  }
  return edges;
}

/** For each left annotation, the index of its right partner, or -1. */
function maximumOverlapMatching(lefts: readonly Annotation[], rights: readonly Annotation[]): number[] {
  const matchOfLeft = new Array<number>(lefts.length).fill(-1);
  if (lefts.length === 0 || rights.length === 0) return matchOfLeft;
  const matchOfRight = new Array<number>(rights.length).fill(-1);
  const edges = candidateEdges(lefts, rights);
  edges.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.shared - a.shared ||
      lefts[a.left].start - lefts[b.left].start ||
      lefts[a.left].end - lefts[b.left].end ||
      rights[a.right].start - rights[b.right].start ||
      rights[a.right].end - rights[b.right].end ||
      a.left - b.left ||
      a.right - b.right,
  );
  const adjacent: number[][] = lefts.map(() => []);
  for (const edge of edges) {
    adjacent[edge.left].push(edge.right);
    if (matchOfLeft[edge.left] < 0 && matchOfRight[edge.right] < 0) {
      matchOfLeft[edge.left] = edge.right;
      matchOfRight[edge.right] = edge.left;
    }
  }
  const budget = { steps: maximumSearchSteps };
  for (let left = 0; left < lefts.length && budget.steps > 0; left++) {
    if (matchOfLeft[left] < 0 && adjacent[left].length > 0) augment(left, adjacent, matchOfLeft, matchOfRight, budget);
  }
  return matchOfLeft;
}

/**
 * Looks for an augmenting path from a free left vertex (depth first, with an explicit stack so a
 * long chain of nested tags cannot overflow the call stack) and flips it when found.
 */
function augment(start: number, adjacent: readonly number[][], matchOfLeft: number[], matchOfRight: number[], budget: { steps: number }): boolean {
  const visited = new Set<number>();
  const lefts = [start];
  const nextEdge = [0];
  // through[i] is the right vertex that led from lefts[i] to lefts[i + 1].
  const through: number[] = [];
  while (lefts.length > 0) {
    const depth = lefts.length - 1;
    const left = lefts[depth];
    if (nextEdge[depth] >= adjacent[left].length) {
      lefts.pop();
      nextEdge.pop();
      through.pop();
      continue;
    }
    const right = adjacent[left][nextEdge[depth]++];
    // Out of budget: leave the matching as it is (every flip so far kept it one to one).
    if (--budget.steps < 0) return false;
    if (visited.has(right)) continue;
    visited.add(right);
    through.push(right);
    if (matchOfRight[right] < 0) {
      for (let index = 0; index < lefts.length; index++) {
        matchOfLeft[lefts[index]] = through[index];
        matchOfRight[through[index]] = lefts[index];
      }
      return true;
    }
    lefts.push(matchOfRight[right]);
    nextEdge.push(0);
  }
  return false;
}
