import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignmentDistance } from '../../../src/core/search/alignmentDistance';

describe('alignmentDistance', () => {
  it('counts a swap of neighbours as one edit and lets the text start and end anywhere', () => {
    assert.equal(alignmentDistance('petor', 'petro'), 1);
    assert.equal(alignmentDistance('petro', 'gustavo petro urrego'), 0);
    assert.equal(alignmentDistance('cartagna', 'cartagena'), 1);
    assert.equal(alignmentDistance('bogota', 'bogot'), 1);
    assert.equal(alignmentDistance('abc', ''), 3);
    assert.equal(alignmentDistance('', 'abc'), 0);
  });

  it('is zero for a query inside the text and never more than the query length', () => {
    const word = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (before, query, after) => {
        assert.equal(alignmentDistance(query, before + query + after), 0);
        assert.ok(alignmentDistance(query, after) <= query.length);
      }),
    );
  });
});
