/**
 * Painting only what can be seen. An article with tens of thousands of tags cannot be repainted
 * whole on every keystroke (each tag is a range the editor has to be sent), so in a file with more
 * than `paintAllUpTo` tags the editor paints the lines on screen plus a margin above and below,
 * and paints again when scrolling brings the edge of that margin near the screen.
 */

/** Lines `first` to `last`, 0-based, both included. */
export interface LineWindow {
  readonly first: number;
  readonly last: number;
}

/** Files with at most this many tags are painted whole (the overview ruler then shows every tag). */
export const paintAllUpTo = 2_000;

/** Lines painted beyond each edge of the screen: at least this many, or one screen if taller. */
export const marginLines = 100;

/** What to paint for the visible ranges of one editor: each widened by the margin, overlaps merged. */
export function paintWindows(visible: readonly LineWindow[], lineCount: number): LineWindow[] {
  const last = Math.max(0, lineCount - 1);
  const widened = visible
    .map((window) => {
      const margin = Math.max(marginLines, window.last - window.first + 1);
      return { first: Math.max(0, window.first - margin), last: Math.min(last, window.last + margin) };
    })
    .sort((left, right) => left.first - right.first);
  const merged: LineWindow[] = [];
  for (const window of widened) {
    const previous = merged[merged.length - 1];
    if (previous && window.first <= previous.last + 1) merged[merged.length - 1] = { first: previous.first, last: Math.max(previous.last, window.last) };
    else merged.push(window);
  }
  return merged;
}

/**
 * Whether what is painted still covers the screen well: every visible range lies inside one
 * painted window, at least half a margin from each edge of it that is not the file's edge.
 * Scrolling within that needs no repaint.
 */
export function coversVisible(painted: readonly LineWindow[], visible: readonly LineWindow[], lineCount: number): boolean {
  const slack = marginLines / 2;
  const last = Math.max(0, lineCount - 1);
  return visible.every((window) =>
    painted.some((paintedWindow) => {
      const top = paintedWindow.first === 0 ? 0 : paintedWindow.first + slack;
      const bottom = paintedWindow.last >= last ? last : paintedWindow.last - slack;
      return window.first >= top && window.last <= bottom;
    }),
  );
}

/** Whether the span [start, end] touches any of the offset ranges (each [start, end], ascending). */
export function touchesAny(start: number, end: number, ranges: readonly (readonly [number, number])[]): boolean {
  // Index loops: this runs for every tag of a long file on every repaint, and iterating with
  // destructuring allocated on each call.
  for (let index = 0; index < ranges.length; index++) if (end >= ranges[index][0] && start <= ranges[index][1]) return true;
  return false;
}
