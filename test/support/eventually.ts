/** Polling for tests of asynchronous behaviour (watchers, saves, views that refresh a moment later). */

/**
 * Polls until `check` returns a value that is not undefined. A check that throws counts as "not
 * yet"; its last error is reported on time-out. No Node built-ins: the web worker suite uses it too.
 */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
