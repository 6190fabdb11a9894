import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { entityKey, foldForSearch, normaliseSurface, parseEntityKey } from '../../../src/core/index/normalise';
import { TagsTree } from '../../../src/core/index/tagsTree';
import { entry, mention } from './indexTestSupport';

describe('entity grouping', () => {
  it('normalises NFC, case and whitespace, and nothing else', () => {
    assert.equal(normaliseSurface('Bogota\u0301'), normaliseSurface('Bogotá'));
    assert.equal(normaliseSurface('CARTAGENA'), 'cartagena');
    assert.equal(normaliseSurface('  Gustavo \n\u00a0 Petro '), 'gustavo petro');
    assert.equal(normaliseSurface('STRASSE'), normaliseSurface('Straße'));
    assert.notEqual(normaliseSurface('Bogota'), normaliseSurface('Bogotá'), 'accents still tell entities apart');
    assert.equal(foldForSearch('Bogota'), foldForSearch('BOGOTÁ'), 'but not in search');
    assert.equal(foldForSearch('Łódź Øresund ﬁnance'), 'lodz oresund finance');
  });

  it('makes keys that round-trip whatever the type and text hold', () => {
    for (const [type, text] of [['PERSON', 'ana'], ['a"b', 'x\u0000y'], ['', '']]) {
      assert.deepEqual(parseEntityKey(entityKey(type, text)), { type, text });
    }
    assert.equal(parseEntityKey('not a key'), undefined);
    assert.equal(parseEntityKey('["one"]'), undefined);
  });

  it('groups decomposed accents and capitals, and shows the most frequent form', () => {
    const index = new CorpusIndex();
    index.setFile('a.txt', entry([mention('LOCATION', 'Bogota\u0301'), mention('LOCATION', 'BOGOTÁ', 10), mention('LOCATION', 'Bogotá', 20)]));
    index.setFile('b.txt', entry([mention('LOCATION', 'Bogotá'), mention('PERSON', 'Bogotá', 10)]));
    const tree = new TagsTree(index);
    const locations = tree.entities('LOCATION').items;
    assert.deepEqual(locations, [{ key: '["LOCATION","bogotá"]', type: 'LOCATION', text: 'Bogotá', mentions: 4, files: 2 }]);
    assert.deepEqual(tree.forms(locations[0].key), [
      { text: 'Bogotá', mentions: 2 },
      { text: 'Bogota\u0301', mentions: 1 },
      { text: 'BOGOTÁ', mentions: 1 },
    ]);
    assert.equal(tree.entities('PERSON').items[0].mentions, 1, 'another type is another entity');
  });
});

describe('TagsTree', () => {
  function corpus(): CorpusIndex {
    const index = new CorpusIndex();
    index.setFile('b/two.txt', entry([mention('PERSON', 'Zoe'), mention('PERSON', 'ana', 10), mention('ORG', 'ACME', 20)]));
    index.setFile('a/one.txt', entry([mention('PERSON', 'Ana'), mention('PERSON', 'Álvaro', 10), mention('PERSON', 'Ana', 20), mention('PERSON', 'Zoe', 30)]));
    index.setFile('c.txt', entry([mention('PERSON', 'Zoe', 0, { prefix: 'Dr. ', suffix: ' spoke' })]));
    return index;
  }

  it('lists types with totals, by name or by mentions', () => {
    const tree = new TagsTree(corpus());
    assert.deepEqual(tree.types(), [
      { type: 'ORG', mentions: 1, entities: 1 },
      { type: 'PERSON', mentions: 7, entities: 3 },
    ]);
    assert.deepEqual(tree.types('count').map((type) => type.type), ['PERSON', 'ORG']);
  });

  it('sorts entities by mentions or by name (ignoring case and accents), a page at a time', () => {
    const tree = new TagsTree(corpus());
    assert.deepEqual(tree.entities('PERSON', 'count').items.map((item) => [item.text, item.mentions]), [['Ana', 3], ['Zoe', 3], ['Álvaro', 1]]);
    assert.deepEqual(tree.entities('PERSON', 'name').items.map((item) => item.text), ['Álvaro', 'Ana', 'Zoe']);
    const page = tree.entities('PERSON', 'name', { offset: 1, limit: 1 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((item) => item.text), ['Ana']);
    assert.deepEqual(tree.entities('NOPE').items, []);
  });

  it('re-sorts a type once it changes', () => {
    const index = corpus();
    const tree = new TagsTree(index);
    assert.equal(tree.entities('PERSON', 'count').items[2].text, 'Álvaro');
    index.setFile('d.txt', entry([mention('PERSON', 'Álvaro'), mention('PERSON', 'alvaro', 5), mention('PERSON', 'Álvaro', 9), mention('PERSON', 'Álvaro', 13)]));
    assert.deepEqual(tree.entities('PERSON', 'count').items[0], { key: '["PERSON","álvaro"]', type: 'PERSON', text: 'Álvaro', mentions: 4, files: 2 });
  });

  it('lists mentions by file in view order and position, with snippets, a page at a time', () => {
    const tree = new TagsTree(corpus());
    const key = '["PERSON","zoe"]';
    const all = tree.mentions(key);
    assert.equal(all.total, 3);
    assert.deepEqual(all.items.map((item) => [item.file, item.start]), [['a/one.txt', 30], ['b/two.txt', 0], ['c.txt', 0]]);
    assert.deepEqual([all.items[2].before, all.items[2].text, all.items[2].after], ['Dr. ', 'Zoe', ' spoke']);
    assert.deepEqual(tree.mentions(key, { offset: 1, limit: 1 }).items.map((item) => item.file), ['b/two.txt']);
    assert.deepEqual(tree.mentions('["PERSON","nobody"]'), { total: 0, items: [] });
  });

  it('lists a file added after the mentions were read, and drops one whose mentions went', () => {
    const index = corpus();
    const tree = new TagsTree(index);
    const key = '["PERSON","zoe"]';
    const files = () => tree.mentions(key).items.map((item) => item.file);
    assert.deepEqual(files(), ['a/one.txt', 'b/two.txt', 'c.txt']);
    index.setFile('0.txt', entry([mention('PERSON', 'Zoe')]));
    // Folders before files, as the Corpus view lists them.
    assert.deepEqual(files(), ['a/one.txt', 'b/two.txt', '0.txt', 'c.txt']);
    index.setFile('b/two.txt', entry([mention('ORG', 'ACME')]));
    assert.deepEqual(files(), ['a/one.txt', '0.txt', 'c.txt']);
    assert.deepEqual(tree.entity(key)?.files, 3);
  });

  it('gives the ids to change or remove, per file', () => {
    const index = corpus();
    const tree = new TagsTree(index);
    const ids = tree.idsByFile('["PERSON","ana"]');
    assert.deepEqual([...ids.keys()], ['a/one.txt', 'b/two.txt']);
    assert.deepEqual(ids.get('a/one.txt'), [index.annotations('a/one.txt')[0].id, index.annotations('a/one.txt')[2].id]);
  });
});
