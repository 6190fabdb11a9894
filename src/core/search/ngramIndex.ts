/**
 * Narrows a large set of short texts (folded entity names, file names, notes) to the few hundred
 * worth scoring: an inverted index from trigrams to the texts containing them. Each word is
 * padded with a space on both sides, so word starts and ends are grams too; the query's last word
 * is left open at its end, because people type names from the front.
 *
 * Texts are added and removed one at a time. A removed text's postings are not searched for and
 * deleted (that would cost the size of the posting lists): its slot is marked dead, dead entries
 * are dropped from a list when a query walks it, and all slots are renumbered once dead ones
 * outnumber live ones.
 */

import { selectBest } from './selectBest';

export interface Candidate {
  readonly id: number;
  readonly text: string;
  /** How many of the query's grams the text has. */
  readonly shared: number;
}

export interface NarrowOptions {
  /** Most candidates returned. */
  readonly max: number;
  /** Only ids this accepts (a type filter, say). */
  readonly accept?: (id: number) => boolean;
  /** Larger is preferred among otherwise equal candidates (mention count, say). */
  readonly weight?: (id: number) => number;
}

export class NgramIndex {
  private postings = new Map<string, number[]>();
  /** Per slot: the caller's id (-1 once removed), text and gram count. */
  private slotIds: number[] = [];
  private slotTexts: string[] = [];
  private slotGrams: number[] = [];
  private readonly slots = new Map<number, number>();
  private dead = 0;
  private counts = new Uint16Array(64);

  get size(): number {
    return this.slots.size;
  }

  has(id: number): boolean {
    return this.slots.has(id);
  }

  text(id: number): string | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.slotTexts[slot];
  }

  add(id: number, text: string): void {
    if (this.slots.has(id)) this.remove(id);
    const slot = this.slotIds.length;
    this.slotIds.push(id);
    this.slotTexts.push(text);
    const grams = gramsOf(text, false);
    this.slotGrams.push(grams.length);
    this.slots.set(id, slot);
    // Word initials too (" b"), for one-letter queries.
    for (const gram of [...grams, ...initialsOf(text)]) {
      const list = this.postings.get(gram);
      if (list) list.push(slot);
      else this.postings.set(gram, [slot]);
    }
  }

  remove(id: number): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.slotIds[slot] = -1;
    this.dead++;
    if (this.dead > 4096 && this.dead > this.slots.size) this.renumber();
  }

  /**
   * Texts sharing the most grams with the query, up to `max`; among equals, those closest in
   * length, then the heaviest. A one-letter query takes the texts with a word starting with it.
   */
  narrow(query: string, options: NarrowOptions): Candidate[] {
    const grams = gramsOf(query, true);
    if (grams.length === 0) return this.initial(query.trim(), options);
    if (this.counts.length < this.slotIds.length) this.counts = new Uint16Array(this.slotIds.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list) continue;
      let deadSeen = 0;
      for (let at = 0; at < list.length; at++) {
        const slot = list[at];
        if (this.slotIds[slot] < 0) deadSeen++;
        else if (counts[slot]++ === 0) touched.push(slot);
      }
      if (deadSeen * 4 > list.length) this.postings.set(gram, list.filter((slot) => this.slotIds[slot] >= 0));
    }
    // Bucket by shared grams (at most the query's gram count), best bucket first.
    const buckets: number[][] = Array.from({ length: grams.length + 1 }, () => []);
    for (const slot of touched) {
      buckets[Math.min(counts[slot], grams.length)].push(slot);
      counts[slot] = 0;
    }
    const chosen: Candidate[] = [];
    for (let shared = grams.length; shared > 0 && chosen.length < options.max; shared--) {
      let bucket = buckets[shared];
      if (options.accept) bucket = bucket.filter((slot) => options.accept!(this.slotIds[slot]));
      const room = options.max - chosen.length;
      if (bucket.length > room) {
        // Closest in length first (a typo changes it little), then the most used.
        const weight = options.weight;
        bucket = selectBest(bucket, room, (slot) => Math.abs(this.slotGrams[slot] - grams.length) * 2 ** 32 - (weight ? weight(this.slotIds[slot]) : 0));
      }
      for (const slot of bucket) chosen.push({ id: this.slotIds[slot], text: this.slotTexts[slot], shared });
    }
    return chosen;
  }

  /** Texts with a word starting with `letter`: those whose first word does first, then the heaviest. */
  private initial(letter: string, options: NarrowOptions): Candidate[] {
    const list = this.postings.get(' ' + letter);
    if (!list) return [];
    const tiers: number[][] = [[], []];
    const { slotIds, slotTexts } = this;
    for (const slot of list) {
      if (slotIds[slot] < 0 || (options.accept && !options.accept(slotIds[slot]))) continue;
      tiers[slotTexts[slot].startsWith(letter) ? 0 : 1].push(slot);
    }
    const chosen: Candidate[] = [];
    const weight = options.weight;
    for (let tier = 0; tier < tiers.length && chosen.length < options.max; tier++) {
      // The most used first, then the shortest.
      const slots = selectBest(tiers[tier], options.max - chosen.length, (slot) => -(weight ? weight(slotIds[slot]) : 0) * 1024 + Math.min(slotTexts[slot].length, 1023));
      for (const slot of slots) chosen.push({ id: slotIds[slot], text: slotTexts[slot], shared: -tier });
    }
    return chosen;
  }

  private renumber(): void {
    const entries = [...this.slots].map(([id, slot]) => [id, this.slotTexts[slot]] as const);
    this.postings = new Map();
    this.slotIds = [];
    this.slotTexts = [];
    this.slotGrams = [];
    this.slots.clear();
    this.dead = 0;
    for (const [id, text] of entries) this.add(id, text);
  }
}

/** The first letter of each word, after a space: " b" for "bogota". */
function initialsOf(text: string): string[] {
  return [...new Set(text.split(' ').filter((word) => word !== '').map((word) => ' ' + String.fromCodePoint(word.codePointAt(0)!)))];
}

/**
 * The distinct trigrams of a folded text, each word padded with spaces. With `open`, the last
 * word gets no closing pad: it may be a prefix still being typed.
 */
export function gramsOf(text: string, open: boolean): string[] {
  const grams = new Set<string>();
  const words = text.split(' ').filter((word) => word !== '');
  words.forEach((word, index) => {
    const padded = ' ' + word + (open && index === words.length - 1 ? '' : ' ');
    for (let at = 0; at + 3 <= padded.length; at++) grams.add(padded.slice(at, at + 3));
  });
  return [...grams];
}
