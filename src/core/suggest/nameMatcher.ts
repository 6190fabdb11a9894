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

export class NameMatcher {
  private readonly automaton: NameAutomaton;
  /** Entries by key; a key is one folded name. */
  private readonly entriesByKey: GazetteerEntry[][] = [];
  /** Per key: whether the name's first and last characters need a word edge. */
  private readonly edges: { start: boolean; end: boolean }[] = [];

  constructor(entries: Iterable<GazetteerEntry>, private readonly options: NameMatcherOptions) {
    const list = Array.isArray(entries) ? (entries as readonly GazetteerEntry[]) : [...entries];
    // About one node per code point of the names: made at that size, the arrays are not grown (copied) on the way.
    let length = 0;
    for (const entry of list) length += entry.name.length;
    this.automaton = new NameAutomaton(length);
    for (const entry of list) {
      const codes = foldName(entry.name, options.ignoreCase);
      if (codes.length === 0) continue;
      const key = this.automaton.add(codes, this.entriesByKey.length);
      if (key === this.entriesByKey.length) {
        this.entriesByKey.push([]);
        const first = characterAt(entry.name, 0);
        const last = characterBefore(entry.name, entry.name.length);
        this.edges.push({ start: needsWordEdge(first), end: needsWordEdge(last) });
      }
      const list = this.entriesByKey[key];
      if (!list.some((known) => known.type === entry.type && known.kbId === entry.kbId)) list.push(entry);
    }
    this.automaton.build();
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
      if (edges.start && continuesWord(characterBefore(text, folded.clusterStartUtf16[start]))) return;
      if (edges.end && continuesWord(characterAt(text, folded.clusterEndUtf16[end]))) return;
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
      matches.push({ start: candidate.start, end: candidate.end, startUtf16: candidate.startUtf16, endUtf16: candidate.endUtf16, entries: this.entriesByKey[candidate.key] });
    }
    return matches.sort((left, right) => left.start - right.start);
  }
}
