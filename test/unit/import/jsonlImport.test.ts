import assert from 'node:assert/strict';
import { exportJsonl } from '../../../src/core/export/jsonlExport';
import { readDoccanoJsonl } from '../../../src/core/import/readDoccanoJsonl';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { hardCaseTags, hardCaseTexts, memoryCorpus, exportText } from '../export/exportTestSupport';
import { importInto, sidecars } from './importTestSupport';

function stored(corpus: MemoryFileSystem, path: string): string[] {
  const parsed = parseSidecar(corpus.readText(path + '.ann.yaml')!, path);
  assert.ok(parsed.ok);
  return parsed.sidecar.annotations.map((annotation) => `${annotation.id} ${annotation.type} ${annotation.start}-${annotation.end} ${annotation.text}`);
}

describe('doccano JSONL import', () => {
  it('creates the text files and sidecars, keeping ids, file names and the BOM; a second import adds nothing', async () => {
    const original = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const output = exportJsonl({ documents: original.documents, config: original.config });
    const corpus = new MemoryFileSystem();
    const read = readDoccanoJsonl(exportText(output), 'export.jsonl', { stem: 'export' });
    assert.deepEqual(read.problems, []);
    const report = await importInto(corpus, read);
    assert.equal(report.added, 33);
    assert.equal(report.createdTexts.length, 7);
    for (const document of original.documents) {
      assert.ok(Buffer.from((await corpus.readFile(document.path))!).equals((await original.files.readFile(document.path))!), `${document.path}: same bytes, BOM included`);
      assert.deepEqual(stored(corpus, document.path), document.placed.map((annotation) => `${annotation.id} ${annotation.type} ${annotation.start}-${annotation.end} ${annotation.text}`));
    }
    const before = sidecars(corpus);
    const again = await importInto(corpus, readDoccanoJsonl(exportText(output), 'export.jsonl', { stem: 'export' }));
    assert.equal(again.added, 0);
    assert.equal(again.present, 33);
    assert.deepEqual(sidecars(corpus), before);
  });

  it('reads doccano\'s own forms, names files from the id or line, and takes UTF-16 offsets when asked', async () => {
    const lines = [
      JSON.stringify({ id: 7, text: '😀 Zoë in Paris', label: [[3, 6, 'PER'], [10, 15, 'LOC']], Comments: [] }),
      JSON.stringify({ text: 'Ana met Bo.', entities: [{ id: 0, label: 'PER', start_offset: 0, end_offset: 3 }], relations: [] }),
    ].join('\n');
    const corpus = new MemoryFileSystem();
    const read = readDoccanoJsonl(lines, 'admin.jsonl', { stem: 'admin', offsets: 'utf16' });
    assert.deepEqual(read.documents.map((document) => document.path), ['admin/doc-7.txt', 'admin/doc-2.txt']);
    const report = await importInto(corpus, read);
    assert.equal(report.added, 3);
    assert.deepEqual(stored(corpus, 'admin/doc-7.txt').map((line) => line.slice(9)), ['PER 2-5 Zoë', 'LOC 9-14 Paris']);
    assert.equal(corpus.readText('admin/doc-2.txt'), 'Ana met Bo.');
  });

  it('reports bad lines and spans with their line, and imports none of them', async () => {
    const lines = [
      '{"text": "Lisbon", "label": [[0, 6, "LOC"]], "file": "../escape.txt"}',
      'not json',
      '{"label": []}',
      '{"text": "😀 Zoë", "label": [[1, 2, "PER"]]}',
      '{"text": "Lisbon", "label": [[0, 9, "LOC"], [2, 2, "LOC"], [0, "x", "LOC"], [0, 6, "LOC"]], "file": "ok.txt"}',
      '{"text": "x", "label": ["positive"]}',
    ].join('\n');
    const corpus = new MemoryFileSystem();
    const read = readDoccanoJsonl(lines, 'in.jsonl', { stem: 'in', offsets: 'utf16' });
    const report = await importInto(corpus, read);
    const codes = [...read.problems, ...report.sourceProblems].map((item) => `${item.file}:${item.line}:${item.column}: ${item.code}`);
    assert.deepEqual(codes, [
      'in.jsonl:1:1: jsonl-file-name',
      'in.jsonl:2:1: jsonl-syntax',
      'in.jsonl:3:1: jsonl-no-text',
      'in.jsonl:4:1: jsonl-invalid-label',
      'in.jsonl:5:1: jsonl-invalid-label',
      'in.jsonl:6:1: jsonl-labels',
      'in.jsonl:5:1: import-span-out-of-range',
      'in.jsonl:5:1: import-invalid-span',
    ]);
    assert.deepEqual(corpus.paths(), ['in/doc-4.txt', 'in/doc-4.txt.ann.yaml', 'ok.txt', 'ok.txt.ann.yaml']);
    assert.deepEqual(stored(corpus, 'ok.txt').map((line) => line.slice(9)), ['LOC 0-6 Lisbon']);
  });

  it('compares on what JSONL carries: its own export of a tagged corpus is all present; another type under the same id is a conflict', async () => {
    const original = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const output = exportJsonl({ documents: original.documents, config: original.config });
    const before = sidecars(original.files);
    const report = await importInto(original.files, readDoccanoJsonl(exportText(output), 'export.jsonl', { stem: 'export' }));
    assert.deepEqual([report.added, report.present, report.conflicts, report.sidecarsWritten], [0, 33, 0, 0]);
    assert.deepEqual(report.sourceProblems, []);
    assert.deepEqual(sidecars(original.files), before);

    const retyped = exportText(output).replace(/"PERSON"/, '"ORG"');
    const again = await importInto(original.files, readDoccanoJsonl(retyped, 'export.jsonl', { stem: 'export' }));
    assert.deepEqual([again.added, again.present, again.conflicts], [0, 32, 1]);
    assert.deepEqual(sidecars(original.files), before);
  });
});
