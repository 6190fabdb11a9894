/**
 * The few assertions the web suite needs. `node:assert` is a Node built-in and cannot be bundled
 * for the web worker, so these stand in for it with the same failure messages a reader expects.
 */
export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) throw new Error(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new Error(`${message ? `${message}: ` : ''}${show(actual)} does not match ${String(pattern)}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}
