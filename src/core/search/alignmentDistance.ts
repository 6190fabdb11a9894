/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn the query into some part of
 * the text: the query must be used whole, the text may be entered and left anywhere (a name
 * typed from its second word still matches). fuse.js's bitap scores a swap as two errors and so
 * cannot tell "petor" -> "Petro" from "petor" -> "Peter"; this breaks such ties the way a person
 * would. Optimal-string-alignment dynamic programming, O(query x text), on folded strings.
 */
export function alignmentDistance(query: string, text: string): number {
  const columns = text.length + 1;
  // Three rows: two back (for swaps), previous, current. Row 0 is all zeros: free start.
  let before = new Uint16Array(columns);
  let previous = new Uint16Array(columns);
  let current = new Uint16Array(columns);
  for (let row = 1; row <= query.length; row++) {
    current[0] = row;
    const letter = query.charCodeAt(row - 1);
    for (let column = 1; column < columns; column++) {
      const cost = letter === text.charCodeAt(column - 1) ? 0 : 1;
      let best = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      if (row > 1 && column > 1 && letter === text.charCodeAt(column - 2) && query.charCodeAt(row - 2) === text.charCodeAt(column - 1)) {
        best = Math.min(best, before[column - 2] + 1);
      }
      current[column] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  // Free end: the best cell of the last row.
  let best = query.length;
  for (let column = 0; column < columns; column++) best = Math.min(best, previous[column]);
  return best;
}
