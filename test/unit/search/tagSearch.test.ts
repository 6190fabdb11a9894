import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { entryFromSidecar } from '../../../src/core/index/indexEntry';
import { foldForSearch } from '../../../src/core/index/normalise';
import type { SearchResult } from '../../../src/core/search/expandGroups';
import { TagSearch } from '../../../src/core/search/tagSearch';
import { entry, fixtureFiles, indexFixtureFolder, mention } from '../index/indexTestSupport';

/** The fixture corpus, plus names close to the ones the examples look for. */
function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  const folder = path.join(indexFixtureFolder(), 'corpus');
  for (const file of fixtureFiles) {
    let content: string | undefined;
    try {
      content = readFileSync(path.join(folder, `${file}.ann.yaml`), 'utf8');
    } catch {
      content = undefined;
    }
    index.setFile(file, entryFromSidecar(content, `${file}.ann.yaml`));
  }
  const near = ['Peter Pan', 'Pedro Páramo', 'Petra', 'Petersen', 'Cartago', 'Carta Magna', 'Bogotá D.C.', 'Boston', 'Cartagena de Indias'];
  index.setFile('other/near-misses.txt', entry(near.map((text, at) => mention(at < 4 ? 'PERSON' : 'LOCATION', text, at * 20))));
  return index;
}

/** Distinct entity texts of the results, in order. */
const entities = (results: readonly SearchResult[]) => [...new Set(results.map((result) => result.text.normalize('NFC')))];

describe('TagSearch', () => {
  const index = corpus();
  const search = new TagSearch(index);

  it('finds names despite typos and missing accents', () => {
    assert.ok(entities(search.search('petor')).slice(0, 3).includes('Petro'), JSON.stringify(entities(search.search('petor'))));
    assert.equal(search.search('bogota')[0].text.normalize('NFC'), 'Bogotá');
    assert.equal(search.search('cartagna')[0].entity, '["LOCATION","cartagena"]');
    assert.equal(search.search('CARTAGENA')[0].entity, '["LOCATION","cartagena"]');
    assert.deepEqual(entities(search.search('杭州')).slice(0, 2), ['杭州', '杭州市']);
  });

  it('groups every form of an entity under its best match', () => {
    const results = search.search('bogota', { perGroup: 10 });
    const bogota = results.filter((result) => result.entity === '["LOCATION","bogotá"]');
    assert.deepEqual(bogota.map((result) => result.text).sort(), ['BOGOTÁ', 'Bogota\u0301', 'Bogotá'].sort());
    assert.ok(results.findIndex((result) => result.text === 'Bogotá D.C.') > 2, 'the longer name comes after');
  });

  it('shows type, text, file, span and snippet of each mention', () => {
    const [first] = search.search('gustavo petro');
    assert.deepEqual(
      { type: first.type, text: first.text, file: first.file, start: first.start, end: first.end, before: first.before, after: first.after, match: first.match },
      { type: 'PERSON', text: 'Gustavo Petro', file: 'en/cartagena-summit.txt', start: 10, end: 23, before: 'President ', after: ' met CARTAGENA port offi', match: 'text' },
    );
    assert.equal(typeof first.id, 'string');
    assert.equal(first.score, 0);
  });

  it('narrows by type, by prefix and ignoring case', () => {
    const people = search.search('type:per petro');
    assert.ok(people.length > 0 && people.every((result) => result.type === 'PERSON'));
    assert.deepEqual(new Set(search.search('type:LOC,date').map((result) => result.type)), new Set(['LOCATION', 'DATE']));
    assert.deepEqual(search.search('type:nothing petro'), []);
  });

  it('matches notes and file names, and filters by them', () => {
    const byNote = search.search('legal name');
    assert.equal(byNote[0].text, 'ACME Corp.');
    assert.equal(byNote[0].match, 'note');
    assert.deepEqual(entities(search.search('note:legal')), ['ACME Corp.']);
    const byFile = search.search('feria');
    assert.equal(byFile[0].file, 'es/feria-bogota.txt');
    assert.equal(byFile[0].match, 'file');
    assert.ok(search.search('file:zh/').every((result) => result.file === 'zh/hangzhou.txt'));
    assert.deepEqual(search.search('file:es/ petro').map((result) => [result.file, result.text]), [['es/feria-bogota.txt', 'Petro']]);
  });

  it('lists the most mentioned entities for an empty query, one mention each first', () => {
    const results = search.search('', { limit: 5 });
    assert.equal(results.length, 5);
    assert.deepEqual(results.slice(0, 2).map((result) => result.entity), ['["LOCATION","bogotá"]', '["LOCATION","cartagena"]'], 'three mentions each');
    assert.equal(new Set(results.map((result) => result.entity)).size, 5);
    assert.ok(search.search('type:date').every((result) => result.type === 'DATE'));
    assert.deepEqual(search.search('   ', { limit: 0 }), []);
  });

  it('keeps to the limit', () => {
    assert.equal(search.search('', { limit: 3 }).length, 3);
    assert.equal(search.search('petro', { limit: 2 }).length, 2);
    assert.equal(search.search('', { limit: 1000 }).length, index.summary().annotations);
  });

  it('follows the index as files change, are removed and renamed', () => {
    const live = corpus();
    const following = new TagSearch(live);
    live.setFile('new/lisbon.txt', entry([mention('LOCATION', 'Lisboa'), mention('PERSON', 'Sophia Archer', 10)]));
    assert.equal(following.search('lisbao')[0]?.text, 'Lisboa');
    live.removeFile('es/feria-bogota.txt');
    assert.deepEqual(following.search('bogota').filter((result) => result.entity === '["LOCATION","bogotá"]'), []);
    // A rename, as the file watcher reports it: a deletion and a creation.
    live.removeFile('new/lisbon.txt');
    live.setFile('pt/lisboa-tram.txt', entry([mention('LOCATION', 'Lisboa'), mention('PERSON', 'Sophia Archer', 10)]));
    assert.ok(following.search('file:pt/ sophia').length === 1);
    assert.equal(following.search('lisboa tram')[0]?.file, 'pt/lisboa-tram.txt');
    following.dispose();
    live.setFile('late.txt', entry([mention('ORG', 'Zyxwv')]));
    assert.deepEqual(following.search('zyxwv'), [], 'a disposed search no longer follows');
  });

  it('finds every annotation by its exact text, first among equals', () => {
    const piece = fc.constantFrom('Ana', 'ana', 'Bo', 'Bogotá', 'Bogota\u0301', ' ', 'é', '\u0301', '杭州', '😀', ':', 'type:', '"', 'x', '-', '.', 'Petro');
    const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));
    const annotation = fc.record({ type: fc.constantFrom('PERSON', 'ORG', 'LOCATION'), text });
    fc.assert(
      fc.property(fc.array(fc.array(annotation, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (files) => {
        const built = new CorpusIndex();
        const tagSearch = new TagSearch(built);
        files.forEach((items, at) => built.setFile(`f${at}.txt`, entry(items.map((item, position) => mention(item.type, item.text, position * 10)))));
        const total = built.summary().annotations;
        for (const path of built.paths()) {
          for (const item of built.annotations(path)) {
            const results = tagSearch.search({ text: item.text, types: [], files: [], notes: [] }, { limit: total });
            assert.ok(results.some((result) => result.file === path && result.id === item.id), `${JSON.stringify(item.text)} in ${path}`);
            const folded = foldForSearch(item.text);
            if (folded !== '') assert.equal(foldForSearch(results[0].text), folded, `${JSON.stringify(item.text)} first`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
