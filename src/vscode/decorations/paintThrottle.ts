/** How often the painters repaint at most: a burst of edits or index updates costs one repaint. */
const paintInterval = 30;

/**
 * Runs a painter at most once per 30 ms, however many changes ask for it. Shared by the tag
 * decorations, the suggestion decorations and the relation hints.
 */
export class PaintThrottle {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly paint: () => void) {}

  request(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.paint();
    }, paintInterval);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
