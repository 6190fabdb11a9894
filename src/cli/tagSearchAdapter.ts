/**
 * The `search` command over the editor's own search engine: the loaded documents go into a
 * CorpusIndex, and TagSearch answers the query, so the command line finds what the Search Tags
 * box finds (the same query language: free text plus type:, file: and note: filters).
 */
import type { CorpusDocument } from '../core/corpus/loadCorpus';
import { CorpusIndex, entryFromLoad } from '../core/index';
import { TagSearch } from '../core/search';
import type { CorpusSearch, SearchHit } from './corpusSearch';

export const tagSearch: CorpusSearch = (documents: readonly CorpusDocument[], query: string, limit: number): SearchHit[] => {
  const index = new CorpusIndex();
  for (const document of documents) index.setFile(document.path, entryFromLoad(document.loaded));
  const search = new TagSearch(index);
  try {
    return search.search(query, { limit }).map((result) => ({
      file: result.file,
      id: result.id,
      type: result.type,
      text: result.text,
      start: result.start,
      end: result.end,
      ...(result.note !== undefined ? { note: result.note } : {}),
      score: result.score,
      match: result.match,
      ...(result.suggestion === true ? { suggestion: true as const } : {}),
    }));
  } finally {
    search.dispose();
  }
};
