import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { IndexCache, serializeIndexCache } from '../../../src/core/index/indexCache';
import { entryFromSidecar } from '../../../src/core/index/indexEntry';
import { TagSearch } from '../../../src/core/search/tagSearch';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar, Suggestion } from '../../../src/core/sidecar/model';
import { entry, mention } from '../index/indexTestSupport';

function suggestion(id: string, type: string, start: number, text: string, extra: Partial<Suggestion> = {}): Suggestion {
  return { id, type, start, end: start + [...text].length, text, source: 'gazetteer:names.tsv', score: 1, ...extra };
}

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  index.setFile('es/bogota.txt', entry([mention('PERSON', 'Gustavo Petro', 0)], { suggestions: [suggestion('aaaaaaaa', 'PERSON', 30, 'Petro'), suggestion('bbbbbbbb', 'LOCATION', 50, 'Bogotá')] }));
  index.setFile('en/quibdo.txt', entry([], { suggestions: [suggestion('cccccccc', 'LOCATION', 3, 'Quibdó')] }));
  index.setFile('en/none.txt', entry([mention('LOCATION', 'Petroleum Street', 0)]));
  return index;
}

describe('Search Tags: is:suggestion', () => {
  it('finds open suggestions by text, folding case and accents, with the type and file filters', () => {
    const search = new TagSearch(corpus());
    const found = (query: string) => search.search(query).map((result) => [result.file, result.type, result.text, result.suggestion]);
    assert.deepEqual(found('is:suggestion petro'), [['es/bogota.txt', 'PERSON', 'Petro', true]]);
    assert.deepEqual(found('is:suggestion bogota'), [['es/bogota.txt', 'LOCATION', 'Bogotá', true]]);
    // Browsing lists them in the Corpus view's order of files.
    assert.deepEqual(found('is:suggestion type:loc'), [['en/quibdo.txt', 'LOCATION', 'Quibdó', true], ['es/bogota.txt', 'LOCATION', 'Bogotá', true]]);
    assert.deepEqual(found('is:suggestion file:en/'), [['en/quibdo.txt', 'LOCATION', 'Quibdó', true]]);
    assert.deepEqual(found('is:suggestion note:check'), []);
    // Without is:suggestion, tags only.
    assert.ok(search.search('petro').every((result) => result.suggestion === undefined));
    assert.ok(search.search('petro').length > 0);
  });

  it('knows only open suggestions, from the sidecar, and keeps them in the index cache', () => {
    const sidecar: Sidecar = {
      format: 'news-annotator/1',
      source: { file: 'a.txt', sha256: '0'.repeat(64), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
      status: 'in-progress',
      annotations: [],
      suggestions: [suggestion('aaaaaaaa', 'PERSON', 0, 'Petro'), suggestion('bbbbbbbb', 'LOCATION', 9, 'Bogotá', { rejected: true })],
    };
    const index = new CorpusIndex();
    index.setFile('a.txt', { ...entryFromSidecar(serializeSidecar(sidecar), 'a.txt.ann.yaml'), sidecarStamp: { size: 1, mtimeMs: 1 }, textStamp: null });
    assert.equal(index.file('a.txt')?.suggestions, 1);
    const cache = IndexCache.parse(serializeIndexCache(index));
    assert.ok(cache);
    const restored = new CorpusIndex();
    assert.ok(cache.restore(restored, 'a.txt'));
    assert.equal(restored.file('a.txt')?.suggestions, 1);
    assert.deepEqual(new TagSearch(restored).search('is:suggestion').map((result) => result.text), ['Petro']);
  });
});
