import assert from 'node:assert/strict';
import { gramsOf, NgramIndex } from '../../../src/core/search/ngramIndex';

describe('NgramIndex', () => {
  it('pads words, leaving the last query word open', () => {
    assert.deepEqual(gramsOf('ana bo', false), [' an', 'ana', 'na ', ' bo', 'bo ']);
    assert.deepEqual(gramsOf('ana bo', true), [' an', 'ana', 'na ', ' bo']);
    assert.deepEqual(gramsOf('a', true), []);
  });

  it('puts the texts sharing most grams first, exact ones before longer ones', () => {
    const index = new NgramIndex();
    ['cartagena', 'cartago', 'carta', 'bogota', 'cartagena de indias'].forEach((text, id) => index.add(id, text));
    const found = index.narrow('cartagena', { max: 3 }).map((candidate) => candidate.text);
    assert.deepEqual(found, ['cartagena', 'cartagena de indias', 'cartago']);
    assert.deepEqual(index.narrow('cartagena', { max: 5, accept: (id) => id !== 0 }).map((candidate) => candidate.id).includes(0), false);
  });

  it('answers one-letter queries from word initials, most weighty first', () => {
    const index = new NgramIndex();
    ['bogota', 'la bamba', 'abba', 'berlin'].forEach((text, id) => index.add(id, text));
    const weights = [1, 5, 9, 2];
    assert.deepEqual(index.narrow('b', { max: 10, weight: (id) => weights[id] }).map((candidate) => candidate.text), ['berlin', 'bogota', 'la bamba']);
  });

  it('forgets removed texts, also after renumbering its slots', () => {
    const index = new NgramIndex();
    for (let id = 0; id < 10_000; id++) index.add(id, `name ${id}`);
    for (let id = 0; id < 9_000; id++) index.remove(id);
    index.add(5, 'name 5 again');
    assert.equal(index.size, 1001);
    assert.equal(index.narrow('name 5 again', { max: 1 })[0].id, 5);
    assert.equal(index.narrow('name 9042', { max: 1 })[0].text, 'name 9042');
    assert.equal(index.narrow('name 42', { max: 5 }).some((candidate) => candidate.id === 42), false);
    assert.equal(index.text(9_999), 'name 9999');
  });
});
