/**
 * `target.push(...items)` without passing every item as an argument: a spread of a few hundred
 * thousand problems (a hostile file's bad lines) overflows the call stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
