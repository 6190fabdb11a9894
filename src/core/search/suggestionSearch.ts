/**
 * Search Tags over open suggestions (`is:suggestion`): the same filters as for tags (`type:`,
 * `file:`; a `note:` filter finds none, suggestions have no notes), and the free text found in a
 * suggestion's text, folded for case and accents as tags are. Suggestions are few beside tags and
 * short-lived, so they are scanned file by file in the Corpus view's order rather than indexed:
 * a whole name first, then a name that starts with the text, then one that contains it.
 */
import type { CorpusIndex } from '../index/corpusIndex';
import type { FileRecord } from '../index/fileRecord';
import { entityKey, foldForSearch, normaliseSurface } from '../index/normalise';
import type { SearchResult } from './expandGroups';
import type { ParsedQuery } from './parseQuery';

export function searchSuggestions(index: CorpusIndex, parsed: ParsedQuery, acceptsFile: (record: FileRecord) => boolean, limit: number): SearchResult[] {
  if (limit <= 0 || parsed.notes.length > 0) return [];
  const types = parsed.types.map((value) => value.toLowerCase());
  const text = foldForSearch(parsed.text);
  const found: SearchResult[] = [];
  for (const path of index.paths()) {
    const record = index.record(path);
    const suggestions = record?.meta.suggestions;
    if (record === undefined || suggestions === undefined || !acceptsFile(record)) continue;
    for (const suggestion of suggestions) {
      if (types.length > 0 && !types.some((value) => suggestion.type.toLowerCase().startsWith(value))) continue;
      const folded = foldForSearch(suggestion.text);
      const score = text === '' ? 0 : folded === text ? 0 : folded.startsWith(text) ? 0.1 : folded.includes(text) ? 0.2 : undefined;
      if (score === undefined) continue;
      found.push({
        file: record.path,
        id: suggestion.id,
        type: suggestion.type,
        text: suggestion.text,
        start: suggestion.start,
        end: suggestion.end,
        before: '',
        after: '',
        entity: entityKey(suggestion.type, normaliseSurface(suggestion.text)),
        score,
        match: text === '' ? 'browse' : 'text',
        suggestion: true,
      });
    }
  }
  // Stable: equal scores keep the view's order of files and the sidecar's order within one.
  return found.sort((left, right) => left.score - right.score).slice(0, limit);
}
