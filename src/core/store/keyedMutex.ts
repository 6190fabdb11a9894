/**
 * One holder at a time per key, inside one process, first come first served. Waiters wait on a
 * promise rather than polling, so 50 updates of one sidecar queued at once cost 50 writes and no
 * busy loop; a waiter gives up after its own bound and leaves the queue.
 */
export type Release = () => void;

export class KeyedMutex {
  /** A key is held while it is in the map; its list is who waits, in order. */
  private readonly waiting = new Map<string, Array<(release: Release) => void>>();

  /** The release function, or undefined when the key was not free within `waitMs`. */
  acquire(key: string, waitMs = Number.POSITIVE_INFINITY): Promise<Release | undefined> {
    const queue = this.waiting.get(key);
    if (queue === undefined) {
      this.waiting.set(key, []);
      return Promise.resolve(this.releaser(key));
    }
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grant = (release: Release) => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(release);
      };
      queue.push(grant);
      if (Number.isFinite(waitMs)) {
        timer = setTimeout(() => {
          const at = queue.indexOf(grant);
          if (at >= 0) queue.splice(at, 1);
          resolve(undefined);
        }, Math.max(0, waitMs));
      }
    });
  }

  /** Whether someone holds `key` now. */
  held(key: string): boolean {
    return this.waiting.has(key);
  }

  private releaser(key: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const queue = this.waiting.get(key)!;
      const next = queue.shift();
      if (next === undefined) this.waiting.delete(key);
      else next(this.releaser(key));
    };
  }
}
