/**
 * Finds the names of a gazetteer (or of the corpus's own tags) in texts: one pass over each text
 * for all names, whole words in spaced scripts, substrings where words are not spaced (Chinese,
 * Japanese, Thai), blind to Unicode normalisation and, on request, to case.
 */
import { continuesWord, needsWordEdge } from '../text/wordEdges';
import { endsCluster, foldName, foldText, startsCluster } from './foldedText';
import type { GazetteerEntry } from './gazetteerEntry';
import { NameAutomaton } from './nameAutomaton';

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

/** A matcher received from another thread (matcherData.ts), ready to search. */
export interface ReceivedMatcher {
  readonly automaton: NameAutomaton;
  readonly edges: Uint8Array;
  /** Makes key k's entries; asked once per key, the first time its name is found. */
  readonly entriesOf: (key: number) => GazetteerEntry[];
}

const startEdge = 1;
const endEdge = 2;

export class NameMatcher {
  readonly automaton: NameAutomaton;
  /** Entries by key; a key is one folded name. Received from another thread, made when first asked for (`makeEntries`). */
  private readonly entriesByKey: (readonly GazetteerEntry[])[];
  private readonly makeEntries: ((key: number) => GazetteerEntry[]) | undefined;
  /** Per key: whether the name's first (`startEdge`) and last (`endEdge`) characters need a word edge. */
  readonly edges: Uint8Array;

  /** `received`: for matcherData.ts only; `entries` are then ignored. */
  constructor(
    entries: Iterable<GazetteerEntry>,
    readonly options: NameMatcherOptions,
    received?: ReceivedMatcher,
  ) {
    if (received !== undefined) {
      this.automaton = received.automaton;
      this.entriesByKey = new Array<readonly GazetteerEntry[]>(received.edges.length);
      this.makeEntries = received.entriesOf;
      this.edges = received.edges;
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
    this.makeEntries = undefined;
    this.edges = Uint8Array.from(edges);
  }

  /** The entries of key `key` (one folded name), every type and source it is listed with. */
  entriesOf(key: number): readonly GazetteerEntry[] {
    // Only a received matcher has keys whose entries are not made yet.
    return this.entriesByKey[key] ?? (this.entriesByKey[key] = this.makeEntries!(key));
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
