/** One row of a gazetteer: a name, the entity type it suggests, and optionally a knowledge-base id. */
export interface GazetteerEntry {
  readonly name: string;
  readonly type: string;
  readonly kbId?: string;
  /** What suggestions made from it say they came from: `gazetteer:<file name>` or `tags`. */
  readonly source: string;
  /** 1-based line in the gazetteer, for messages (0 for names taken from tags). */
  readonly line: number;
  /** How sure the source is, 0..1 (1 when absent). */
  readonly score?: number;
}
