/**
 * The glob matcher behind the corpus patterns: the syntax docs/project-file.md describes and
 * nothing more, matched in time proportional to pattern length × path length whatever the
 * pattern, because project files come from other people (a regex built from 16 `*a` took over a
 * minute against a 40-character name).
 *
 * - `**` as a whole segment matches any number of folders (zero included); elsewhere it is `*`;
 * - `*` matches any run of characters in one name, `?` one character, `[a-z0-9]` one of a set
 *   (`[!…]` or `[^…]` one not in it), `\` makes the next character literal;
 * - `{a,b}` is either word (nested braces too); braces without a top-level comma are literal;
 * - every other character (parentheses included) matches itself.
 *
 * Unless `dot` is set, a name starting with "." is matched only by a pattern segment that names
 * the dot (a literal `.` or a set holding it), and `**` does not walk into such folders.
 *
 * Matching simulates the pattern as a set of states (no backtracking), once per folder level and
 * once per name, so the worst case stays polynomial and small.
 */

/** Alternatives a pattern may expand to through its braces; more is refused, not expanded. */
export const maxBraceExpansions = 256;

/** Stars a pattern may hold: each keeps a matching state alive, and no real pattern needs many. */
export const maxStars = 16;

export type GlobTest = (path: string) => boolean;

/**
 * What matching one path against a pattern can cost, in units of "one live state per character":
 * each brace alternative is simulated on its own, and each star keeps one more state alive.
 */
export const maxGlobCost = 512;

/** The same test on a path already split at its slashes (a matcher trying several patterns splits once). */
export type GlobNamesTest = (names: readonly string[]) => boolean;

export type CompiledGlob = { ok: true; test: GlobTest; testNames: GlobNamesTest; cost: number } | { ok: false; reason: string };

type Token =
  | { kind: 'literal'; value: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'set'; negated: boolean; ranges: Array<readonly [number, number]> };

/**
 * A name segment keeps its tokens for the general simulation, and `quick` when the segment is
 * only literals around at most one star (`*.txt`, `README*`, `node_modules`: nearly every real
 * pattern), which answers with string comparisons instead of simulating states.
 */
type Segment = { kind: 'globstar' } | { kind: 'name'; tokens: Token[]; quick?: (name: string) => boolean };

export function compileGlob(pattern: string, options: { dot: boolean }): CompiledGlob {
  const expanded = expandBraces(pattern);
  if (expanded === undefined) return { ok: false, reason: `its braces expand to more than ${maxBraceExpansions} patterns` };
  const stars = Array.from(pattern.matchAll(/\\.|\*+/g)).filter((match) => match[0].startsWith('*')).length;
  if (stars > maxStars) return { ok: false, reason: `it holds ${stars} wildcards "*" or "**"; at most ${maxStars} are allowed` };
  const unique = [...new Set(expanded)];
  const cost = unique.length * (stars + 1);
  if (cost > maxGlobCost) return { ok: false, reason: `it is too complex to match quickly (${unique.length} brace alternatives with ${stars} wildcards)` };
  const alternatives = unique.map((alternative) => splitSegments(alternative).map((segment) => parseSegment(segment, options.dot)));
  const tests = alternatives.map((segments) => namesTest(segments, options.dot));
  const testNames: GlobNamesTest = tests.length === 1 ? tests[0] : (names) => tests.some((test) => test(names));
  return {
    ok: true,
    cost,
    test: (path) => testNames(path.split('/')),
    testNames,
  };
}

/**
 * The test for one alternative. `**\/name` and `**\/name/**` (every default corpus pattern, and
 * most others) are answered directly: the name matches the last name, or some name, and every
 * other name is one a globstar walks through. Same answers as the simulation (a property test
 * compares them), at a fraction of its cost over a corpus's 20,000 paths.
 */
function namesTest(segments: readonly Segment[], dot: boolean): GlobNamesTest {
  const [first, middle, last] = segments;
  const simple = first?.kind === 'globstar' && middle?.kind === 'name' && (segments.length === 2 || (segments.length === 3 && last.kind === 'globstar'));
  if (!simple) return (names) => (segments.length <= maxMaskSegments ? matchSegmentsInMask(segments, names, dot) : matchSegments(segments, names, dot));
  const matches = middle.quick ?? ((name: string) => matchName(middle.tokens, name, dot));
  if (segments.length === 2) {
    return (names) => {
      const end = names.length - 1;
      if (!matches(names[end])) return false;
      if (!dot) for (let index = 0; index < end; index++) if (names[index].charCodeAt(0) === dotCode) return false;
      return true;
    };
  }
  return (names) => {
    // Globstars walk through no hidden name: at most one, and then it is the one matched.
    let hidden = -1;
    if (!dot) {
      for (let index = 0; index < names.length; index++) {
        if (names[index].charCodeAt(0) !== dotCode) continue;
        if (hidden >= 0) return false;
        hidden = index;
      }
    }
    return hidden >= 0 ? matches(names[hidden]) : names.some(matches);
  };
}

/** The pattern's brace alternatives, or undefined when there would be too many. */
function expandBraces(pattern: string): string[] | undefined {
  const open = findBraceGroup(pattern);
  if (open === undefined) return [pattern];
  const { start, end, parts } = open;
  const results: string[] = [];
  for (const part of parts) {
    const expanded = expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1));
    if (expanded === undefined) return undefined;
    for (const item of expanded) {
      if (results.length >= maxBraceExpansions) return undefined;
      results.push(item);
    }
  }
  return results;
}

/** The first brace group with a top-level comma: its bounds and its comma-separated parts. */
function findBraceGroup(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    const character = pattern[start];
    if (character === '\\') {
      start++;
      continue;
    }
    if (character === '[') {
      start = classEnd(pattern, start) ?? start;
      continue;
    }
    if (character !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let index = start; index < pattern.length; index++) {
      const inner = pattern[index];
      if (inner === '\\') index++;
      else if (inner === '{') depth++;
      else if (inner === ',' && depth === 1) commas.push(index);
      else if (inner === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const bounds = [start, ...commas, index];
        return { start, end: index, parts: bounds.slice(1).map((bound, part) => pattern.slice(bounds[part] + 1, bound)) };
      }
    }
  }
  return undefined;
}

/** Index of the `]` closing a set that opens at `start`, or undefined when it is not a set. */
function classEnd(pattern: string, start: number): number | undefined {
  let index = start + 1;
  if (pattern[index] === '!' || pattern[index] === '^') index++;
  // A `]` right after the opening (or its negation) is a member, not the end.
  if (pattern[index] === ']') index++;
  for (; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === '/') return undefined;
    else if (pattern[index] === ']') return index;
  }
  return undefined;
}

/** Splits at `/` that are not escaped and not inside a set. */
function splitSegments(pattern: string): string[] {
  const segments: string[] = [];
  let current = 0;
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === '[') index = classEnd(pattern, index) ?? index;
    else if (pattern[index] === '/') {
      segments.push(pattern.slice(current, index));
      current = index + 1;
    }
  }
  segments.push(pattern.slice(current));
  return segments;
}

function parseSegment(segment: string, dot: boolean): Segment {
  if (segment === '**') return { kind: 'globstar' };
  const tokens = parseTokens(segment);
  const quick = quickNameTest(tokens, dot);
  return quick === undefined ? { kind: 'name', tokens } : { kind: 'name', tokens, quick };
}

/**
 * String comparisons for a segment of literals around at most one star, with the same answers as
 * matchName: a name starting with "." is matched only when the segment starts with a literal ".".
 */
function quickNameTest(tokens: readonly Token[], dot: boolean): ((name: string) => boolean) | undefined {
  const star = tokens.findIndex((token) => token.kind === 'star');
  const literal = (part: readonly Token[]) => (part.every((token) => token.kind === 'literal') ? part.map((token) => (token as { value: string }).value).join('') : undefined);
  if (star < 0) {
    const whole = literal(tokens);
    return whole === undefined ? undefined : (name) => name === whole;
  }
  const prefix = literal(tokens.slice(0, star));
  const suffix = literal(tokens.slice(star + 1));
  if (prefix === undefined || suffix === undefined) return undefined;
  const least = prefix.length + suffix.length;
  // Without a prefix the star comes first, and a star never matches a hidden name's dot.
  const hiddenRefused = !dot && prefix === '';
  return (name) => name.length >= least && name.startsWith(prefix) && name.endsWith(suffix) && !(hiddenRefused && name.charCodeAt(0) === dotCode);
}

const dotCode = 46;

function parseTokens(segment: string): Token[] {
  const tokens: Token[] = [];
  const characters = Array.from(segment);
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index];
    if (character === '\\' && index + 1 < characters.length) {
      tokens.push({ kind: 'literal', value: characters[++index] });
    } else if (character === '*') {
      // `**` inside a name is one `*`; consecutive stars match the same runs.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '?') {
      tokens.push({ kind: 'any' });
    } else if (character === '[') {
      const parsed = parseSet(characters, index);
      if (parsed === undefined) tokens.push({ kind: 'literal', value: '[' });
      else {
        tokens.push(parsed.token);
        index = parsed.end;
      }
    } else {
      tokens.push({ kind: 'literal', value: character });
    }
  }
  return tokens;
}

function parseSet(characters: readonly string[], start: number): { token: Token; end: number } | undefined {
  let index = start + 1;
  const negated = characters[index] === '!' || characters[index] === '^';
  if (negated) index++;
  const ranges: Array<readonly [number, number]> = [];
  // A `]` right after the opening (or its negation) is a member, not the end.
  for (let first = true; index < characters.length && (first || characters[index] !== ']'); index++, first = false) {
    const low = member(characters, index);
    index = low.index;
    // `a-z` is a range unless the `-` is last (`[a-]` holds "a" and "-").
    if (characters[index + 1] === '-' && index + 2 < characters.length && characters[index + 2] !== ']') {
      const high = member(characters, index + 2);
      index = high.index;
      ranges.push([low.code, high.code]);
    } else {
      ranges.push([low.code, low.code]);
    }
  }
  if (index >= characters.length) return undefined;
  return { token: { kind: 'set', negated, ranges }, end: index };
}

/** One member of a set at `index` (a `\` makes the next character literal) and where it ends. */
function member(characters: readonly string[], index: number): { code: number; index: number } {
  if (characters[index] === '\\' && index + 1 < characters.length) index++;
  return { code: characters[index].codePointAt(0)!, index };
}

/** Folder-level simulation: which pattern segments can have been matched after each name. */
function matchSegments(segments: readonly Segment[], names: readonly string[], dot: boolean): boolean {
  let states = closeOverGlobstars(segments, new Set([0]));
  for (const name of names) {
    const next = new Set<number>();
    for (const state of states) {
      const segment = segments[state];
      if (segment === undefined) continue;
      if (segment.kind === 'globstar') {
        if (dot || !name.startsWith('.')) next.add(state);
      } else if (matchName(segment.tokens, name, dot)) {
        next.add(state + 1);
      }
    }
    if (next.size === 0) return false;
    states = closeOverGlobstars(segments, next);
  }
  return states.has(segments.length);
}

/** Segments the mask form of the simulation holds: one bit per state, in a 32-bit integer. */
const maxMaskSegments = 30;

/** matchSegments with the set of states as bits (bit i: the first i segments matched), no allocation. */
function matchSegmentsInMask(segments: readonly Segment[], names: readonly string[], dot: boolean): boolean {
  let states = closeMaskOverGlobstars(segments, 1);
  for (const name of names) {
    let next = 0;
    for (let state = 0; state < segments.length; state++) {
      if ((states & (1 << state)) === 0) continue;
      const segment = segments[state];
      if (segment.kind === 'globstar') {
        if (dot || name.charCodeAt(0) !== dotCode) next |= 1 << state;
      } else if (segment.quick === undefined ? matchName(segment.tokens, name, dot) : segment.quick(name)) {
        next |= 1 << (state + 1);
      }
    }
    if (next === 0) return false;
    states = closeMaskOverGlobstars(segments, next);
  }
  return (states & (1 << segments.length)) !== 0;
}

function closeMaskOverGlobstars(segments: readonly Segment[], states: number): number {
  for (let state = 0; state < segments.length; state++) {
    if ((states & (1 << state)) !== 0 && segments[state].kind === 'globstar') states |= 1 << (state + 1);
  }
  return states;
}

/** A globstar may match no folder at all: a state before one is also a state after it. */
function closeOverGlobstars(segments: readonly Segment[], states: Set<number>): Set<number> {
  for (const state of [...states].sort((left, right) => left - right)) {
    for (let index = state; segments[index]?.kind === 'globstar'; index++) states.add(index + 1);
  }
  return states;
}

/** Name-level simulation: the token positions reachable after each character, kept as a list. */
function matchName(tokens: readonly Token[], name: string, dot: boolean): boolean {
  // A hidden name is matched only by a segment that starts by naming its dot (`*.*` is not `.b`).
  if (!dot && name.startsWith('.') && !(tokens.length > 0 && tokens[0].kind !== 'star' && tokens[0].kind !== 'any' && accepts(tokens[0], '.', true))) return false;
  // `seen[state] === step` marks a state already in the list of this step.
  const seen = new Int32Array(tokens.length + 1).fill(-1);
  let states: number[] = [];
  const add = (list: number[], state: number, step: number) => {
    // A star may match nothing: a state before one is also a state after it.
    for (; seen[state] !== step; state++) {
      seen[state] = step;
      list.push(state);
      if (tokens[state]?.kind !== 'star') break;
    }
  };
  add(states, 0, 0);
  let step = 0;
  for (const character of name) {
    const hiddenDot = !dot && step === 0 && character === '.';
    step++;
    const next: number[] = [];
    for (const state of states) {
      const token = tokens[state];
      if (token === undefined) continue;
      if (token.kind === 'star') {
        if (!hiddenDot) add(next, state, step);
      } else if (accepts(token, character, hiddenDot)) {
        add(next, state + 1, step);
      }
    }
    if (next.length === 0) return false;
    states = next;
  }
  return states.includes(tokens.length);
}

function accepts(token: Token, character: string, hiddenDot: boolean): boolean {
  if (token.kind === 'literal') return token.value === character;
  if (token.kind === 'any') return !hiddenDot;
  if (token.kind === 'star') return !hiddenDot;
  const code = character.codePointAt(0)!;
  const inside = token.ranges.some(([low, high]) => code >= low && code <= high);
  // A leading dot is matched only by a set that names it, as a literal "." would.
  if (hiddenDot) return !token.negated && inside;
  return inside !== token.negated;
}
