/**
 * The corpus files in Corpus view order (treeOrder.ts), sorted once when first asked for and
 * then kept sorted: files added meanwhile wait in a list and are merged in, sorted among
 * themselves, when the order is next asked for. Inserting each one where it belongs moved every
 * later path along, so loading n files after the order had been asked for once (the loader does,
 * at the start) cost n squared: about 70 ms of a warm start at 10,000 files, seconds at 100,000.
 * Ranks (a file id's position) are rebuilt lazily after changes; they are what mention lists
 * sort by, since comparing numbers is far cheaper than comparing paths.
 */
import { compareTreePaths } from './treeOrder';

export class PathOrder {
  private sorted: string[] | undefined;
  /** Added since `sorted` was last brought up to date, in no order. */
  private added: string[] = [];
  private ranks: Int32Array | undefined;

  constructor(
    private readonly allPaths: () => Iterable<string>,
    private readonly idOf: (path: string) => number,
    private readonly idLimit: () => number,
  ) {}

  paths(): readonly string[] {
    if (this.sorted === undefined) {
      this.sorted = [...this.allPaths()].sort(compareTreePaths);
      this.added = [];
    } else if (this.added.length > 0) {
      this.sorted = mergeSorted(this.sorted, this.added.sort(compareTreePaths));
      this.added = [];
    }
    return this.sorted;
  }

  rank(id: number): number {
    if (this.ranks === undefined) {
      const ranks = new Int32Array(this.idLimit()).fill(-1);
      this.paths().forEach((path, position) => (ranks[this.idOf(path)] = position));
      this.ranks = ranks;
    }
    return this.ranks[id] ?? -1;
  }

  insert(path: string): void {
    this.ranks = undefined;
    if (this.sorted !== undefined) this.added.push(path);
  }

  remove(path: string): void {
    this.ranks = undefined;
    if (!this.sorted) return;
    // Brings the order up to date first: the path may be among those just added.
    const at = this.positionOf(path);
    if (this.sorted[at] === path) this.sorted.splice(at, 1);
    else this.sorted = undefined;
  }

  /** Where `path` is, or would go, in view order: the number of paths before it. */
  positionOf(path: string, orEqual = false): number {
    const paths = this.paths();
    let low = 0;
    let high = paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compareTreePaths(paths[middle], path);
      if (order < 0 || (orEqual && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Two lists sorted in view order as one. */
function mergeSorted(left: readonly string[], right: readonly string[]): string[] {
  const merged = new Array<string>(left.length + right.length);
  let from = 0;
  let to = 0;
  let at = 0;
  while (from < left.length && to < right.length) merged[at++] = compareTreePaths(left[from], right[to]) <= 0 ? left[from++] : right[to++];
  while (from < left.length) merged[at++] = left[from++];
  while (to < right.length) merged[at++] = right[to++];
  return merged;
}
