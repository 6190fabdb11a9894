/**
 * What the `search` command needs from the search engine, kept to one function so the command's
 * parsing and printing do not depend on how the engine is built (see tagSearchAdapter.ts).
 */
import type { CorpusDocument } from '../core/corpus/loadCorpus';

export interface SearchHit {
  /** Corpus path relative to the root. */
  file: string;
  id: string;
  type: string;
  text: string;
  /** Code-point offsets into the file's text. */
  start: number;
  end: number;
  note?: string;
  /** 0 is best. */
  score: number;
  /** What the query matched: the text, the type, the file, the note, or nothing (browsing). */
  match: string;
  /** An open suggestion (`is:suggestion`), not a tag. */
  suggestion?: true;
}

export type CorpusSearch = (documents: readonly CorpusDocument[], query: string, limit: number) => SearchHit[];
