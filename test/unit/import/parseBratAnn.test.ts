import assert from 'node:assert/strict';
import { parseBratAnn } from '../../../src/core/import/parseBratAnn';

describe('parseBratAnn', () => {
  it('reads entities with fragments, notes (even before their entity), attributes, relations and normalizations', () => {
    const ann = [
      '#1\tAnnotatorNotes T2\tcheck\tthis',
      'T1\tPerson 0 5\tJapan',
      'T2\tLocation 0 5;16 23\tNorth America',
      'A1\tNegation T1',
      'A2\tConfidence T2 L1',
      'R1\tOrigin Arg1:T1 Arg2:T2',
      'N1\tReference T1 Wikidata:Q17\tJapan',
      '*\tEquiv T1 T2',
      '',
    ].join('\r\n');
    const read = parseBratAnn(ann, 'doc.ann');
    assert.deepEqual(read.problems, []);
    assert.equal(read.skipped, 1);
    assert.deepEqual(read.relations, [{ id: 'R1', type: 'Origin', from: 'T1', to: 'T2', line: 6 }]);
    assert.deepEqual(read.entities, [
      { id: 'T1', type: 'Person', fragments: [[0, 5]], text: 'Japan', line: 2, column: 11, attributes: { Negation: true }, links: ['wikidata:Q17'] },
      { id: 'T2', type: 'Location', fragments: [[0, 5], [16, 23]], text: 'North America', line: 3, column: 13, note: 'check\tthis', attributes: { Confidence: 'L1' } },
    ]);
  });

  it('reports lines it cannot read with their line numbers, and keeps reading', () => {
    const read = parseBratAnn('T1\tPerson 0 x\tJapan\nT2\tPerson 0 5\tJapan\nT2\tPerson 1 5\tapan\n#1\tAnnotatorNotes T9\tlost\nhello\n', 'doc.ann');
    assert.deepEqual(
      read.problems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.severity}: ${item.code}`),
      ['doc.ann:1:1: error: brat-invalid-line', 'doc.ann:3:1: error: brat-duplicate-id', 'doc.ann:5:1: warning: brat-invalid-line', 'doc.ann:4:1: warning: brat-unknown-reference'],
    );
    assert.deepEqual(read.entities.map((entity) => entity.id), ['T2']);
  });
});
