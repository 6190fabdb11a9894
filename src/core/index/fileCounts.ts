/**
 * How many times one entity is mentioned in each file: one plain array of (file id, count)
 * pairs sorted by file id. A full load counts files in rising id order, so nearly every change
 * is an append; that is several times cheaper than a Map, whose first entry per (entity, file)
 * was the largest single cost of a warm start (150,000 of them at 10,000 documents, each a
 * cache miss or several: one array, not two, halves those). Lookups are binary searches; a file
 * id reused out of order costs a splice over the entity's files.
 */
export class FileCounts {
  /** File id, count, file id, count, ... */
  private readonly pairs: number[] = [];

  /** Files with at least one mention. */
  get size(): number {
    return this.pairs.length >> 1;
  }

  /** Mentions in `file`, or undefined when there are none. */
  get(file: number): number | undefined {
    const at = this.find(file);
    return at < this.pairs.length && this.pairs[at] === file ? this.pairs[at + 1] : undefined;
  }

  /** Adds `count` (> 0) mentions in `file`; answers whether the file is new to this entity. */
  add(file: number, count: number): boolean {
    const pairs = this.pairs;
    const length = pairs.length;
    if (length === 0 || pairs[length - 2] < file) {
      pairs.push(file, count);
      return true;
    }
    const at = this.find(file);
    if (pairs[at] === file) {
      pairs[at + 1] += count;
      return false;
    }
    pairs.splice(at, 0, file, count);
    return true;
  }

  /** Takes `count` mentions in `file` away; answers whether the file has none left. */
  subtract(file: number, count: number): boolean {
    const at = this.find(file);
    if (at === this.pairs.length || this.pairs[at] !== file) return true;
    const left = this.pairs[at + 1] - count;
    if (left > 0) {
      this.pairs[at + 1] = left;
      return false;
    }
    this.pairs.splice(at, 2);
    return true;
  }

  /** The ids of the files, in rising order (a new array). */
  fileIds(): number[] {
    const files = new Array<number>(this.size);
    for (let index = 0; index < files.length; index++) files[index] = this.pairs[2 * index];
    return files;
  }

  /** Where `file`'s pair is in `pairs`, or where it would go. */
  private find(file: number): number {
    let low = 0;
    let high = this.pairs.length >> 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.pairs[2 * middle] < file) low = middle + 1;
      else high = middle;
    }
    return 2 * low;
  }
}
