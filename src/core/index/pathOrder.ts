/**
 * The corpus files in Corpus view order (treeOrder.ts), sorted once when first asked for and
 * then kept sorted one insertion or removal at a time, so a file appearing costs a binary search
 * rather than a re-sort. Ranks (a file id's position) are rebuilt lazily after changes; they are
 * what mention lists sort by, since comparing numbers is far cheaper than comparing paths.
 */
import { compareTreePaths } from './treeOrder';

export class PathOrder {
  private sorted: string[] | undefined;
  private ranks: Int32Array | undefined;

  constructor(
    private readonly allPaths: () => Iterable<string>,
    private readonly idOf: (path: string) => number,
    private readonly idLimit: () => number,
  ) {}

  paths(): readonly string[] {
    return (this.sorted ??= [...this.allPaths()].sort(compareTreePaths));
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
    this.sorted?.splice(this.positionOf(path), 0, path);
  }

  remove(path: string): void {
    this.ranks = undefined;
    if (!this.sorted) return;
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
