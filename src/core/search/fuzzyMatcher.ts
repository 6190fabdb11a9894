/**
 * Typo-tolerant matching of a folded query against many folded texts: the n-gram index narrows
 * them to a few hundred candidates, and only those are scored by fuse.js (whose cost grows with
 * every record it is given, whatever the limit). Queries too short for a gram are matched by
 * substring and ranked without fuzzy scoring, which means nothing at one or two letters.
 */
import Fuse from 'fuse.js';
import { alignmentDistance } from './alignmentDistance';
import { NgramIndex, type NarrowOptions } from './ngramIndex';

export interface Match {
  readonly id: number;
  /** 0 is a perfect match, 1 none at all (fuse.js's scale). */
  readonly score: number;
}

export interface MatchOptions {
  /** Candidates handed to fuse.js. */
  readonly candidates?: number;
  readonly accept?: NarrowOptions['accept'];
  readonly weight?: NarrowOptions['weight'];
}

/** Candidates scored per keystroke: about 1 ms of fuse.js on this kind of machine. */
export const defaultCandidates = 300;

/** Query letters the edit distance looks at: names are short, and the cost is query x text. */
const maximumAligned = 64;

const fuseOptions = {
  includeScore: true,
  // Texts and queries are folded already (no case, no accents).
  isCaseSensitive: true,
  ignoreLocation: true,
  threshold: 0.45,
  shouldSort: false,
};

export class FuzzyMatcher {
  private readonly grams = new NgramIndex();

  get size(): number {
    return this.grams.size;
  }

  add(id: number, foldedText: string): void {
    this.grams.add(id, foldedText);
  }

  remove(id: number): void {
    this.grams.remove(id);
  }

  text(id: number): string | undefined {
    return this.grams.text(id);
  }

  /** Matches best first: score, then exact and prefix matches, then weight, then text. */
  match(foldedQuery: string, options: MatchOptions = {}): Match[] {
    const narrowed = this.grams.narrow(foldedQuery, { max: options.candidates ?? defaultCandidates, accept: options.accept, weight: options.weight });
    if (narrowed.length === 0) return [];
    let matches: { id: number; text: string; score: number }[];
    if (narrowed[0].shared <= 0) {
      // Substring tiers from a short query: 0 starts the text, 1 starts a word, 2 elsewhere.
      matches = narrowed.map((candidate) => ({ id: candidate.id, text: candidate.text, score: -candidate.shared * 0.1 }));
    } else {
      const fuse = new Fuse(
        narrowed.map((candidate) => candidate.text),
        fuseOptions,
      );
      // Half fuse.js's score, half the edit distance per query letter (which counts a swapped
      // pair as one typo); an exact match scores 0 outright.
      const query = foldedQuery.slice(0, maximumAligned);
      matches = fuse.search(foldedQuery).map((result) => {
        const text = result.item;
        const edits = Math.min(1, alignmentDistance(query, text.slice(0, 4 * maximumAligned)) / query.length);
        return { id: narrowed[result.refIndex].id, text, score: text === foldedQuery ? 0 : ((result.score ?? 1) + edits) / 2 };
      });
    }
    const closeness = (text: string) => (text === foldedQuery ? 0 : text.startsWith(foldedQuery) ? 1 : 2);
    const weight = options.weight;
    matches.sort(
      (a, b) =>
        a.score - b.score ||
        closeness(a.text) - closeness(b.text) ||
        (weight ? weight(b.id) - weight(a.id) : 0) ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
    return matches.map(({ id, score }) => ({ id, score }));
  }
}
