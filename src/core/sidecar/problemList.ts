/**
 * Problems of one file, listed up to a limit. A hostile sidecar (200,000 broken entries) would
 * otherwise yield a million problems: seconds to build, hundreds of megabytes, and a Problems
 * panel or CI log nobody reads. Past the limit problems are counted, and one closing problem says
 * how many more there are; it is an error when any of them is, so "any error" stays true.
 */
import { problem, type Problem } from '../problem';

export const maximumListedProblems = 1_000;

export class ProblemList {
  private readonly listed: Problem[] = [];
  private unlistedCount = 0;
  private unlistedError = false;

  constructor(
    private readonly file: string,
    private readonly limit = maximumListedProblems,
  ) {}

  /** Whether further problems are only counted (callers may skip building costly messages). */
  get full(): boolean {
    return this.listed.length >= this.limit;
  }

  add(item: Problem): void {
    if (this.listed.length < this.limit) {
      this.listed.push(item);
      return;
    }
    this.unlistedCount++;
    if (item.severity === 'error') this.unlistedError = true;
  }

  /** Counts a problem without building it, once the list is full. */
  count(severity: Problem['severity']): void {
    this.unlistedCount++;
    if (severity === 'error') this.unlistedError = true;
  }

  toArray(): Problem[] {
    if (this.unlistedCount === 0) return this.listed;
    const note = problem(
      'sidecar-too-many-problems',
      `${this.unlistedCount.toLocaleString('en')} more problems in this file are not listed; fix the ones above and check again.`,
      this.file,
      1,
      1,
      this.unlistedError ? 'error' : 'warning',
    );
    return [...this.listed, note];
  }
}
