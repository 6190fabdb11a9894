/**
 * Finds the names of a gazetteer (or of the corpus's own tags) in texts: one pass over each text
 * for all names, whole words in spaced scripts, substrings where words are not spaced (Chinese,
 * Japanese, Thai), blind to Unicode normalisation and, on request, to case.
 */
import { continuesWord, needsWordEdge } from '../text/wordEdges';
import { endsCluster, foldName, foldText, startsCluster } from './foldedText';
import { packEntries, unpackEntry, type EntryColumns } from './entryColumns';
import type { GazetteerEntry } from './gazetteerEntry';
import { NameAutomaton, type NameAutomatonData } from './nameAutomaton';

export interface NameMatcherOptions {
  /** Match regardless of case (per cluster lower-casing on both sides). */
  readonly ignoreCase: boolean;
}

/** Where a name was found, in code points of the text's own form, with every entry of that name. */
export interface NameMatch {
  readonly start: number;
  readonly end: number;
  /** The same span in UTF-16 units, for slicing the text. */
  readonly startUtf16: number;
  readonly endUtf16: number;
  readonly entries: readonly GazetteerEntry[];
}

function characterBefore(text: string, utf16: number): string {
  if (utf16 <= 0) return '';
  const low = text.charCodeAt(utf16 - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && utf16 >= 2;
  return isPair ? text.slice(utf16 - 2, utf16) : text.slice(utf16 - 1, utf16);
}

function characterAt(text: string, utf16: number): string {
  const code = text.codePointAt(utf16);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * A built matcher as plain data for another thread: the automaton (shared: see
 * NameAutomatonData), each key's entries one after another as columns (entryColumns.ts) with
 * where each key's start, and each key's word edges as bits (one small object per key cost a
 * worker about a tenth of a second to receive at 100,000 names).
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

const startEdge = 1;
const endEdge = 2;

export class NameMatcher {
  private readonly automaton: NameAutomaton;
  /**
   * Entries by key; a key is one folded name. From another thread's data, a key's entries are
   * made the first time its name is found (`packed`).
   */
  private readonly entriesByKey: (readonly GazetteerEntry[])[];
  private readonly packed: { entries: EntryColumns; keyStarts: Int32Array } | undefined;
  /** Per key: whether the name's first (`startEdge`) and last (`endEdge`) characters need a word edge. */
  private readonly edges: Uint8Array;

  /** A matcher another thread built (`data()`), ready to search. */
  static fromData(data: NameMatcherData): NameMatcher {
    return new NameMatcher([], data.options, data);
  }

  /** `built`: for `fromData` only. */
  constructor(
    entries: Iterable<GazetteerEntry>,
    private readonly options: NameMatcherOptions,
    built?: NameMatcherData,
  ) {
    if (built !== undefined) {
      this.automaton = NameAutomaton.fromData(built.automaton);
      this.entriesByKey = new Array<readonly GazetteerEntry[]>(built.edges.length);
      this.packed = { entries: built.entries, keyStarts: built.keyStarts };
      this.edges = built.edges;
      return;
    }
    const list = Array.isArray(entries) ? (entries as readonly GazetteerEntry[]) : [...entries];
    // About one node per code point of the names: made at that size, the arrays are not grown (copied) on the way.
    let length = 0;
    for (const entry of list) length += entry.name.length;
    this.automaton = new NameAutomaton(length);
    const entriesByKey: GazetteerEntry[][] = [];
    const edges: number[] = [];
    for (const entry of list) {
      const codes = foldName(entry.name, options.ignoreCase);
      if (codes.length === 0) continue;
      const key = this.automaton.add(codes, entriesByKey.length);
      if (key === entriesByKey.length) {
        entriesByKey.push([]);
        const first = characterAt(entry.name, 0);
        const last = characterBefore(entry.name, entry.name.length);
        edges.push((needsWordEdge(first) ? startEdge : 0) | (needsWordEdge(last) ? endEdge : 0));
      }
      const list = entriesByKey[key];
      if (!list.some((known) => known.type === entry.type && known.kbId === entry.kbId)) list.push(entry);
    }
    this.automaton.build();
    this.entriesByKey = entriesByKey;
    this.packed = undefined;
    this.edges = Uint8Array.from(edges);
  }

  /** This matcher as plain data, which a worker thread receives instead of building its own. */
  data(): NameMatcherData {
    const keyStarts = new Int32Array(this.edges.length + 1);
    const entries: GazetteerEntry[] = [];
    for (let key = 0; key < this.edges.length; key++) {
      for (const entry of this.entriesOf(key)) entries.push(entry);
      keyStarts[key + 1] = entries.length;
    }
    return { automaton: this.automaton.data(), entries: packEntries(entries), keyStarts, edges: this.edges, options: this.options };
  }

  private entriesOf(key: number): readonly GazetteerEntry[] {
    let entries = this.entriesByKey[key];
    if (entries === undefined && this.packed !== undefined) {
      const { entries: columns, keyStarts } = this.packed;
      entries = Array.from({ length: keyStarts[key + 1] - keyStarts[key] }, (_, offset) => unpackEntry(columns, keyStarts[key] + offset));
      this.entriesByKey[key] = entries;
    }
    return entries;
  }

  /** Distinct names (after folding). */
  get names(): number {
    return this.entriesByKey.length;
  }

  /**
   * Every place a name occurs, left to right. Where names overlap the longest wins, then the
   * leftmost ("Gustavo Petro" rather than the "Petro" inside it, "New York City" rather than "New York"); every entry of the winning name is
   * kept, so a name listed with two types yields both.
   */
  find(text: string): NameMatch[] {
    const folded = foldText(text, this.options.ignoreCase);
    const candidates: { start: number; end: number; startUtf16: number; endUtf16: number; key: number }[] = [];
    this.automaton.search(folded.codes, folded.length, (end, length, key) => {
      const start = end - length + 1;
      // A match must cover whole clusters: "Bogota" is not inside a decomposed "Bogotá".
      if (!startsCluster(folded, start) || !endsCluster(folded, end)) return;
      const edges = this.edges[key];
      if ((edges & startEdge) !== 0 && continuesWord(characterBefore(text, folded.clusterStartUtf16[start]))) return;
      if ((edges & endEdge) !== 0 && continuesWord(characterAt(text, folded.clusterEndUtf16[end]))) return;
      candidates.push({ start: folded.clusterStart[start], end: folded.clusterEnd[end], startUtf16: folded.clusterStartUtf16[start], endUtf16: folded.clusterEndUtf16[end], key });
    });
    // Longest first, then leftmost; a candidate overlapping one already taken is dropped. Names
    // are short, so marking the taken code points costs no more than reading the text did.
    candidates.sort((left, right) => right.end - right.start - (left.end - left.start) || left.start - right.start);
    const taken = new Uint8Array(folded.length === 0 ? 0 : folded.clusterEnd[folded.length - 1]);
    const matches: NameMatch[] = [];
    for (const candidate of candidates) {
      let free = true;
      for (let offset = candidate.start; offset < candidate.end && free; offset++) free = taken[offset] === 0;
      if (!free) continue;
      taken.fill(1, candidate.start, candidate.end);
      matches.push({ start: candidate.start, end: candidate.end, startUtf16: candidate.startUtf16, endUtf16: candidate.endUtf16, entries: this.entriesOf(candidate.key) });
    }
    return matches.sort((left, right) => left.start - right.start);
  }
}
