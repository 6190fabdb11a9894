/**
 * A built NameMatcher as plain data for another thread, and a matcher made again from that data:
 * `suggest` builds one matcher and hands it to its worker threads (src/node/suggestInWorkers.ts)
 * instead of each building its own. Only Node's threads do this, so the code lives here rather
 * than in the matcher's classes: nothing the browser build imports reaches it.
 */
import { packEntries, unpackEntry, type EntryColumns } from './entryColumns';
import { NameAutomaton } from './nameAutomaton';
import { NameMatcher, type NameMatcherOptions } from './nameMatcher';

/** The per-node arrays a search reads: what a built automaton hands to another thread. */
const searchArrays = ['label', 'firstChild', 'nextSibling', 'depth', 'fail', 'outputLink', 'key', 'wideIndex'] as const;
type SearchArray = (typeof searchArrays)[number];

/**
 * A built automaton as plain data: its arrays in shared memory where the platform has it (Node
 * does), so a worker reads the very bytes this thread built instead of a copy, and the few wide
 * nodes' maps. Building the automaton of a large gazetteer takes a quarter of a second warm and
 * several times that in a thread that has just started.
 */
export type NameAutomatonData = Readonly<Record<SearchArray, Int32Array<ArrayBufferLike>>> & {
  readonly wideMaps: readonly Map<number, number>[];
  readonly rootChildren: Int32Array<ArrayBufferLike>;
};

/**
 * A built matcher as plain data: the automaton (shared: see NameAutomatonData), each key's
 * entries one after another as columns (entryColumns.ts) with where each key's start, and each
 * key's word edges as bits (one small object per key cost a worker about a tenth of a second to
 * receive at 100,000 names).
 */
export interface NameMatcherData {
  readonly automaton: NameAutomatonData;
  readonly entries: EntryColumns;
  /** Key k's entries are `entries[keyStarts[k]]` up to `entries[keyStarts[k + 1]]`. */
  readonly keyStarts: Int32Array;
  /** Per key: 1 when the name's start needs a word edge, 2 when its end does (or both). */
  readonly edges: Uint8Array;
  readonly options: NameMatcherOptions;
}

/** `array`'s first `length` numbers in shared memory if there is any, else in a copy. */
function sharedCopy(array: Int32Array<ArrayBufferLike>, length: number): Int32Array<ArrayBufferLike> {
  if (typeof SharedArrayBuffer === 'undefined') return array.slice(0, length);
  const copy = new Int32Array(new SharedArrayBuffer(4 * length));
  copy.set(array.subarray(0, length));
  return copy;
}

/** The built automaton as plain data, its arrays cut to the nodes in use. */
function automatonData(automaton: NameAutomaton): NameAutomatonData {
  if (!automaton.built) automaton.build();
  const arrays = {} as Record<SearchArray, Int32Array<ArrayBufferLike>>;
  for (const name of searchArrays) arrays[name] = sharedCopy(automaton[name], automaton.size);
  return { ...arrays, wideMaps: automaton.wideMaps, rootChildren: sharedCopy(automaton.rootChildren, automaton.rootChildren.length) };
}

/** An automaton built elsewhere: searched as it is, never added to. */
function automatonFromData(data: NameAutomatonData): NameAutomaton {
  const automaton = new NameAutomaton(0);
  for (const name of searchArrays) automaton[name] = data[name];
  automaton.size = data.label.length;
  automaton.childCount = new Int32Array(0);
  automaton.wideMaps = [...data.wideMaps];
  automaton.rootChildren = data.rootChildren;
  automaton.built = true;
  return automaton;
}

/** `matcher` as plain data, which a worker thread receives instead of building its own. */
export function matcherData(matcher: NameMatcher): NameMatcherData {
  const keys = matcher.edges.length;
  const keyStarts = new Int32Array(keys + 1);
  const entries = [];
  for (let key = 0; key < keys; key++) {
    for (const entry of matcher.entriesOf(key)) entries.push(entry);
    keyStarts[key + 1] = entries.length;
  }
  return { automaton: automatonData(matcher.automaton), entries: packEntries(entries), keyStarts, edges: matcher.edges, options: matcher.options };
}

/** The matcher another thread built (`matcherData`), ready to search; a key's entries are made the first time its name is found. */
export function matcherFromData(data: NameMatcherData): NameMatcher {
  const { entries, keyStarts } = data;
  return new NameMatcher([], data.options, {
    automaton: automatonFromData(data.automaton),
    edges: data.edges,
    entriesOf: (key) => Array.from({ length: keyStarts[key + 1] - keyStarts[key] }, (_, offset) => unpackEntry(entries, keyStarts[key] + offset)),
  });
}
