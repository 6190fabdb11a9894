/**
 * A strict reader for the flow values the canonical writer produces: JSON strings, numbers,
 * `true`/`false`/`null`, `.inf`/`.nan`, `[a, b]` and `{key: value}` with exactly one space after
 * each `,` and `:`. It exists for speed (see fastPath.ts); anything outside that narrow form
 * makes it give up (return undefined) rather than guess, and the file is then read with `yaml`.
 */
const stringPattern = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const plainKeyPattern = /[A-Za-z_][A-Za-z0-9_]*/y;
const maximumDepth = 64;

export interface FlowRead {
  value: unknown;
  /** Index just past the value. */
  end: number;
}

/** Reads one value starting at `start`; undefined when it is not in the canonical subset. */
export function readFlowValue(line: string, start: number, depth = 0): FlowRead | undefined {
  const first = line.charCodeAt(start);
  if (first === 0x22 /* " */) return readString(line, start);
  if (first === 0x7b /* { */) return depth < maximumDepth ? readMap(line, start, depth) : undefined;
  if (first === 0x5b /* [ */) return depth < maximumDepth ? readList(line, start, depth) : undefined;
  if ((first >= 0x30 && first <= 0x39) || (first === 0x2d && line.charCodeAt(start + 1) !== 0x2e)) {
    numberPattern.lastIndex = start;
    const match = numberPattern.exec(line);
    return match === null ? undefined : { value: Number(match[0]), end: start + match[0].length };
  }
  for (const [word, value] of words) {
    if (line.startsWith(word, start)) return { value, end: start + word.length };
  }
  return undefined;
}

const words: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['.inf', Infinity],
  ['-.inf', -Infinity],
  ['.nan', NaN],
];

export function readString(line: string, start: number): { value: string; end: number } | undefined {
  stringPattern.lastIndex = start;
  const match = stringPattern.exec(line);
  if (match === null) return undefined;
  const quoted = match[0];
  const end = start + quoted.length;
  if (!quoted.includes('\\')) return { value: quoted.slice(1, -1), end };
  try {
    // Every escape the writer uses means the same in JSON and in YAML double quotes.
    return { value: JSON.parse(quoted) as string, end };
  } catch {
    return undefined;
  }
}

function readMap(line: string, start: number, depth: number): FlowRead | undefined {
  const map: Record<string, unknown> = {};
  let at = start + 1;
  if (line.charCodeAt(at) === 0x7d /* } */) return { value: map, end: at + 1 };
  for (;;) {
    const key = readKey(line, at);
    if (key === undefined || !line.startsWith(': ', key.end)) return undefined;
    const item = readFlowValue(line, key.end + 2, depth + 1);
    // A repeated key is not canonical; the yaml reader reports it with its position.
    if (item === undefined || Object.prototype.hasOwnProperty.call(map, key.value)) return undefined;
    setOwn(map, key.value, item.value);
    at = item.end;
    const next = line.charCodeAt(at);
    if (next === 0x7d) return { value: map, end: at + 1 };
    if (next !== 0x2c /* , */ || line.charCodeAt(at + 1) !== 0x20) return undefined;
    at += 2;
  }
}

function readList(line: string, start: number, depth: number): FlowRead | undefined {
  const list: unknown[] = [];
  let at = start + 1;
  if (line.charCodeAt(at) === 0x5d /* ] */) return { value: list, end: at + 1 };
  for (;;) {
    const item = readFlowValue(line, at, depth + 1);
    if (item === undefined) return undefined;
    list.push(item.value);
    at = item.end;
    const next = line.charCodeAt(at);
    if (next === 0x5d) return { value: list, end: at + 1 };
    if (next !== 0x2c || line.charCodeAt(at + 1) !== 0x20) return undefined;
    at += 2;
  }
}

/** A plain identifier key or a quoted one. */
export function readKey(line: string, start: number): { value: string; end: number } | undefined {
  if (line.charCodeAt(start) === 0x22) return readString(line, start);
  plainKeyPattern.lastIndex = start;
  const match = plainKeyPattern.exec(line);
  return match === null ? undefined : { value: match[0], end: start + match[0].length };
}

/**
 * Sets a property as an own data property, so a key named `__proto__` is kept as data and
 * never changes the object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
