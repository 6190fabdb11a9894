/** One row of a gazetteer: a name, the entity type it suggests, and optionally a knowledge-base id. */
export interface GazetteerEntry {
  readonly name: string;
  readonly type: string;
  readonly kbId?: string;
  /** Where the row is, for messages: the gazetteer's path (or `tags` for the corpus's own tags) and 1-based line. */
  readonly source: string;
  readonly line: number;
}
