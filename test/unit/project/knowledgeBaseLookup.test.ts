import assert from 'node:assert/strict';
import { parseKnowledgeBaseLookup } from '../../../src/core/project/knowledgeBaseLookup';

describe('parseKnowledgeBaseLookup', () => {
  it('reads id and label per line, skipping comments, blanks, headers and repeated ids', () => {
    const text = '\uFEFF# Wikidata ids\nid with space\tLabel\nwikidata:Q2841\tBogotá\r\n\nwikidata:Q1365697\tGustavo Petro\textra\nwikidata:Q2841\tagain\nwikidata:Q4970\n';
    assert.deepEqual(parseKnowledgeBaseLookup(text), [
      { id: 'wikidata:Q2841', label: 'Bogotá' },
      { id: 'wikidata:Q1365697', label: 'Gustavo Petro' },
      { id: 'wikidata:Q4970', label: '' },
    ]);
  });

  it('reads nothing from an empty file', () => {
    assert.deepEqual(parseKnowledgeBaseLookup(''), []);
  });
});
