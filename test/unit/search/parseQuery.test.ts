import assert from 'node:assert/strict';
import { parseQuery } from '../../../src/core/search/parseQuery';

describe('parseQuery', () => {
  it('takes free text as it is', () => {
    assert.deepEqual(parseQuery('  Gustavo   Petro '), { text: 'Gustavo Petro', types: [], files: [], notes: [] });
  });

  it('reads type, file and note filters anywhere, keys in any case', () => {
    assert.deepEqual(parseQuery('TYPE:per petro file:2026-11 note:check'), { text: 'petro', types: ['per'], files: ['2026-11'], notes: ['check'] });
    assert.deepEqual(parseQuery('type:PERSON,org type:loc').types, ['PERSON', 'org', 'loc']);
  });

  it('reads is:suggestion (the last is: wins; an unknown kind is ignored)', () => {
    assert.deepEqual(parseQuery('petro IS:Suggestion type:per'), { text: 'petro', types: ['per'], files: [], notes: [], suggestions: true });
    assert.equal(parseQuery('is:suggestions').suggestions, true);
    assert.equal(parseQuery('is:suggestion is:tag petro').suggestions, undefined);
    assert.deepEqual(parseQuery('is:whatever petro'), { text: 'petro', types: [], files: [], notes: [] });
  });

  it('keeps quoted text and quoted values whole, even unfinished', () => {
    assert.deepEqual(parseQuery('"type: x" file:"my folder/a b" rest'), { text: 'type: x rest', types: [], files: ['my folder/a b'], notes: [] });
    assert.deepEqual(parseQuery('note:"still typ'), { text: '', types: [], files: [], notes: ['still typ'] });
  });

  it('ignores a filter without a value and treats unknown keys as text', () => {
    assert.deepEqual(parseQuery('type: petro'), { text: 'petro', types: [], files: [], notes: [] });
    assert.deepEqual(parseQuery('http://x.org :a b:'), { text: 'http://x.org :a b:', types: [], files: [], notes: [] });
  });
});
