/** A minimal event list for the editor-free layers (the editor's EventEmitter is not available here). */
export interface Subscription {
  dispose(): void;
}

export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  fire(value: T): void {
    // A failing listener must not stop the others, nor the write that announced the change.
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // Listeners report their own failures.
      }
    }
  }
}
