/**
 * What counts as evidence that a tag is at a new place. The sidecar keeps only the old text's
 * hash, not the old text, so the edit is known only through what the stored context shows:
 * - around the candidate itself: enough of its stored prefix and suffix is still there;
 * - around its neighbours: tags whose whole stored context was found again tell how far the
 *   text before them grew or shrank. A tag that sits exactly that far from its old place is
 *   where the edit put it, even when its own context was rewritten.
 */

/** Whether the context matched around a candidate supports it: half the stored context or more. */
export function contextSupports(matched: number, stored: number): boolean {
  return stored > 0 && 2 * matched >= stored;
}

export interface KnownShift {
  /** Old start of a tag found again with its whole context. */
  readonly start: number;
  /** Its new start minus its old start. */
  readonly shift: number;
}

/** Shifts the edit made, as shown by the tags found again with their whole context. */
export class ShiftEvidence {
  private readonly known: KnownShift[];

  constructor(known: readonly KnownShift[]) {
    this.known = [...known].sort((left, right) => left.start - right.start);
  }

  /**
   * The shifts that explain a move from `oldStart`: none at all (0), and those of the nearest
   * tag found again before it and after it. Between two such tags the edit may have changed the
   * length anywhere, so either shift is a fair explanation, and nothing else is.
   */
  around(oldStart: number): number[] {
    const shifts = [0];
    // First known tag starting at or after oldStart.
    let low = 0;
    let high = this.known.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.known[middle].start < oldStart) low = middle + 1;
      else high = middle;
    }
    const after = this.known[low];
    const before = low > 0 ? this.known[low - 1] : undefined;
    for (const neighbour of [before, after]) {
      if (neighbour !== undefined && !shifts.includes(neighbour.shift)) shifts.push(neighbour.shift);
    }
    return shifts;
  }
}
