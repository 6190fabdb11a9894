import assert from 'node:assert/strict';
import { readGazetteer } from '../../../src/core/suggest/readGazetteer';

describe('suggestions: reading a gazetteer', () => {
  it('reads TSV rows with an optional knowledge-base id and skips a header row', () => {
    const { entries, problems } = readGazetteer('name\ttype\tkb\nGustavo Petro\tPERSON\twikidata:Q57384\nBogotá\tLOCATION\n\n', 'names.tsv');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((item) => [item.name, item.type, item.kbId, item.line]), [
      ['Gustavo Petro', 'PERSON', 'wikidata:Q57384', 2],
      ['Bogotá', 'LOCATION', undefined, 3],
    ]);
  });

  it('reads CSV with quoted commas, doubled quotes and line breaks inside quotes', () => {
    const csv = 'name,type\r\n"Petro, Gustavo",PERSON\r\n"The ""Times""",ORG\r\n"Two\nLines",ORG\r\nEcopetrol,ORG\r\n';
    const { entries, problems } = readGazetteer(csv, 'names.csv');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((item) => [item.name, item.line]), [
      ['Petro, Gustavo', 2],
      ['The "Times"', 3],
      ['Two\nLines', 4],
      ['Ecopetrol', 6],
    ]);
  });

  it('reports rows without a type at their line and column and keeps the rest', () => {
    const { entries, problems } = readGazetteer('Petro\tPERSON\nOrphan\n\tORG\n', 'names.tsv');
    assert.deepEqual(entries.map((item) => item.name), ['Petro']);
    assert.deepEqual(problems.map((item) => [item.code, item.line, item.column]), [
      ['gazetteer-row', 2, 7],
      ['gazetteer-row', 3, 1],
    ]);
  });

  it('reports a quote that never closes where it opened', () => {
    const { problems } = readGazetteer('Petro,PERSON\n"Unclosed,ORG\n', 'names.csv');
    assert.deepEqual(problems.map((item) => [item.code, item.line, item.column]), [['gazetteer-syntax', 2, 1]]);
  });
});
