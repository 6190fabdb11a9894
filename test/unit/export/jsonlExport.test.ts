import assert from 'node:assert/strict';
import { exportJsonl } from '../../../src/core/export/jsonlExport';
import { memoryCorpus, exportText } from './exportTestSupport';

describe('exportJsonl (doccano)', () => {
  const text = '😀 Zoë met 𠮷田 in Paris\u2028today.';
  const tags = { 'news/a.txt': [{ type: 'PERSON', start: 2, end: 5 }, { type: 'PERSON', start: 10, end: 12 }, { type: 'LOCATION', start: 16, end: 21 }] };

  it('writes one record per line with code-point labels, the file and the annotation ids', async () => {
    const corpus = await memoryCorpus({ 'news/a.txt': '\ufeff' + text }, tags);
    const output = exportJsonl({ documents: corpus.documents, config: corpus.config });
    const lines = exportText(output).split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[1], '');
    assert.ok(lines[0].includes('\\u2028') && !lines[0].includes('\u2028'), 'U+2028 escaped, so no reader splits the line there');
    const record = JSON.parse(lines[0]) as { text: string; label: Array<[number, number, string]>; file: string; annotation_ids: string[]; bom?: boolean };
    assert.equal(record.text, text);
    assert.deepEqual(record.label, [[2, 5, 'PERSON'], [10, 12, 'PERSON'], [16, 21, 'LOCATION']]);
    assert.equal(record.file, 'news/a.txt');
    assert.deepEqual(record.annotation_ids, corpus.documents[0].placed.map((annotation) => annotation.id));
    assert.equal(record.bom, true);
    const characters = [...record.text];
    assert.deepEqual(record.label.map(([start, end]) => characters.slice(start, end).join('')), ['Zoë', '𠮷田', 'Paris']);
  });

  it('counts UTF-16 units when asked, as doccano\'s web page does', async () => {
    const corpus = await memoryCorpus({ 'news/a.txt': text }, tags);
    const output = exportJsonl({ documents: corpus.documents, config: corpus.config, offsets: 'utf16' });
    const record = JSON.parse(exportText(output)) as { text: string; label: Array<[number, number, string]> };
    assert.deepEqual(record.label.map(([start, end]) => record.text.slice(start, end)), ['Zoë', '𠮷田', 'Paris']);
    assert.deepEqual(record.label[0], [3, 6, 'PERSON']);
    assert.ok(output.notes[0].includes('UTF-16'));
  });
});
