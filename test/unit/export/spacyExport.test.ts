import assert from 'node:assert/strict';
import { exportSpacy } from '../../../src/core/export/spacyExport';
import { memoryCorpus, exportText } from './exportTestSupport';

interface Record {
  text: string;
  tokens: Array<{ text: string; start: number; end: number; id: number; ws: boolean }>;
  spans: Array<{ start: number; end: number; token_start: number; token_end: number; label: string }>;
  answer: string;
  meta: { file: string; annotation_ids: string[]; tokenizer: string };
}

describe('exportSpacy (Prodigy / spaCy JSONL)', () => {
  it('writes tokens with ws and spans on token boundaries, token_end inclusive, overlaps kept', async () => {
    const text = "Universidad de Cartagena's 🇨🇴 team won.";
    const corpus = await memoryCorpus({ 'a.txt': text }, { 'a.txt': [{ type: 'ORG', start: 0, end: 24 }, { type: 'LOCATION', start: 15, end: 24 }, { type: 'MISC', start: 27, end: 29 }] });
    const output = exportSpacy({ documents: corpus.documents, config: corpus.config });
    const record = JSON.parse(exportText(output)) as Record;
    assert.deepEqual(record.tokens.map((token) => [token.text, token.ws]), [
      ['Universidad', true],
      ['de', true],
      ['Cartagena', false],
      ["'s", true],
      ['🇨🇴', true],
      ['team', true],
      ['won', false],
      ['.', false],
    ]);
    assert.deepEqual(record.spans, [
      { start: 0, end: 24, token_start: 0, token_end: 2, label: 'ORG' },
      { start: 15, end: 24, token_start: 2, token_end: 2, label: 'LOCATION' },
      { start: 27, end: 29, token_start: 4, token_end: 4, label: 'MISC' },
    ]);
    assert.equal(record.answer, 'accept');
    assert.equal(record.meta.tokenizer, 'news-annotator-simple-1');
    assert.equal(record.meta.annotation_ids.length, 3);
  });

  it('trims whitespace off span edges and leaves out whitespace-only spans, reporting both', async () => {
    const corpus = await memoryCorpus({ 'a.txt': 'Say  Lisbon \n now' }, { 'a.txt': [{ type: 'LOCATION', start: 4, end: 12 }, { type: 'MISC', start: 12, end: 14 }] });
    const output = exportSpacy({ documents: corpus.documents, config: corpus.config });
    const record = JSON.parse(exportText(output)) as Record;
    assert.deepEqual(record.spans.map((span) => [span.start, span.end, span.label]), [[5, 11, 'LOCATION']]);
    assert.deepEqual(output.warnings.map((item) => item.code).sort(), ['export-blank', 'export-trimmed']);
    assert.equal(output.annotations, 1);
    assert.ok(output.notes.some((note) => note.includes('1 annotation(s) starting or ending with whitespace')));
  });
});
