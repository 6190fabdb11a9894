import assert from 'node:assert/strict';
import { exportBrat } from '../../../src/core/export/bratExport';
import { readBratCollection } from '../../../src/core/import/readBratCollection';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { hardCaseTags, hardCaseTexts, loadDocuments, memoryCorpus } from '../export/exportTestSupport';
import { exportedFiles, importInto, sidecars } from './importTestSupport';

const text = 'Line one: Boris Johnson\r\nLine two: Angela Merkel in Kyiv 🇺🇦 today\r\n';

async function readBrat(source: MemoryFileSystem, corpus: MemoryFileSystem) {
  const annFiles = source.paths().filter((path) => path.endsWith('.ann'));
  return readBratCollection({ source, annFiles, corpus, displayPath: (path) => `brat/${path}` });
}

function annotations(corpus: MemoryFileSystem, path: string): string[] {
  const parsed = parseSidecar(corpus.readText(path + '.ann.yaml')!, path);
  assert.ok(parsed.ok);
  return parsed.sidecar.annotations.map((annotation) => `${annotation.type} ${annotation.start}-${annotation.end} ${JSON.stringify(annotation.text)}${annotation.note ? ' note=' + annotation.note : ''}`);
}

describe('brat import', () => {
  it('copies a missing text in, checks every span against it, and reports a mismatch at its line and column', async () => {
    const ann = 'T1\tPER 10 23\tBoris Johnson\nT2\tPER 35 48\tAngela Markel\nT3\tLOC 52 56\tKyiv\n#1\tAnnotatorNotes T3\tcapital\nT4\tLOC 57 59\t🇺🇦\n';
    const source = new MemoryFileSystem({ 'news/a.txt': text, 'news/a.ann': ann });
    const corpus = new MemoryFileSystem();
    const read = await readBrat(source, corpus);
    const report = await importInto(corpus, read);
    assert.deepEqual(report.createdTexts, ['news/a.txt']);
    assert.deepEqual(await corpus.readFile('news/a.txt'), await source.readFile('news/a.txt'), 'byte-for-byte copy');
    assert.equal(report.added, 3);
    assert.equal(report.rejected, 1);
    assert.deepEqual(report.sourceProblems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.code}`), ['brat/news/a.ann:2:8: import-text-mismatch']);
    assert.match(report.sourceProblems[0].message, /"Angela Merkel", not "Angela Markel"/);
    assert.deepEqual(annotations(corpus, 'news/a.txt'), ['PER 10-23 "Boris Johnson"', 'LOC 52-56 "Kyiv" note=capital', 'LOC 57-59 "🇺🇦"']);
  });

  it('refuses a document whose .txt differs from the corpus file, and uses the corpus text when there is no .txt', async () => {
    const corpus = new MemoryFileSystem({ 'a.txt': text });
    const differs = await readBrat(new MemoryFileSystem({ 'a.txt': text.replace('Kyiv', 'Kiev'), 'a.ann': 'T1\tLOC 52 56\tKiev\n' }), corpus);
    const refused = await importInto(corpus, differs);
    assert.equal(refused.refused, 1);
    assert.match(refused.sourceProblems[0].message, /differs from the corpus file a\.txt \(first difference at line 2, column 29\)/);
    assert.equal(corpus.readText('a.txt.ann.yaml'), undefined, 'nothing written');

    const annOnly = await readBrat(new MemoryFileSystem({ 'a.ann': 'T1\tLOC 52 56\tKyiv\n' }), corpus);
    const report = await importInto(corpus, annOnly);
    assert.equal(report.added, 1);
    assert.deepEqual(report.createdTexts, []);
  });

  it('converts offsets that count CRLF as one character (brat #853), with a warning', async () => {
    // In brat's view of this CRLF text, "Angela Merkel" starts at 34, not 35.
    const corpus = new MemoryFileSystem({ 'a.txt': text });
    const read = await readBrat(new MemoryFileSystem({ 'a.ann': 'T1\tPER 34 47\tAngela Merkel\nT2\tPER 10 23\tBoris Johnson\n' }), corpus);
    const report = await importInto(corpus, read);
    assert.equal(report.added, 2);
    assert.deepEqual(annotations(corpus, 'a.txt'), ['PER 10-23 "Boris Johnson"', 'PER 35-48 "Angela Merkel"']);
    assert.deepEqual(report.sourceProblems.map((item) => `${item.line}:${item.severity}:${item.code}`), ['1:warning:import-offsets-converted']);
  });

  it('joins fragments split at line breaks back into one span, and keeps a discontinuous one as fragments', async () => {
    const corpus = new MemoryFileSystem({ 'a.txt': text });
    const read = await readBrat(new MemoryFileSystem({ 'a.ann': 'T1\tX 16 23;25 29\tJohnson Line\nT2\tX 10 15;35 41\tBoris Angela\n' }), corpus);
    assert.deepEqual(read.problems, []);
    await importInto(corpus, read);
    assert.deepEqual(annotations(corpus, 'a.txt'), ['X 10-41 "Boris Angela"', 'X 16-29 "Johnson\\r\\nLine"']);
  });

  it('joins fragments only across line breaks, as the docs say: a space or a tab between them is a discontinuous entity, kept as fragments', async () => {
    const corpus = new MemoryFileSystem({ 'a.txt': 'Boris Johnson\tand\n\nAngela\r\nMerkel\u2028x\n' });
    const ann = ['T1\tX 0 5;6 13\tBoris Johnson', 'T2\tX 6 13;14 17\tJohnson and', 'T3\tX 14 17;19 25\tand Angela', 'T4\tX 19 25;27 33\tAngela Merkel', 'T5\tX 27 33;34 35\tMerkel x'].join('\n') + '\n';
    const read = await readBrat(new MemoryFileSystem({ 'a.ann': ann }), corpus);
    assert.deepEqual(read.problems, []);
    await importInto(corpus, read);
    // A space, a tab or U+2028 between fragments: a discontinuous annotation (its text joined by one space).
    assert.deepEqual(annotations(corpus, 'a.txt'), ['X 0-13 "Boris Johnson"', 'X 6-17 "Johnson and"', 'X 14-25 "and\\n\\nAngela"', 'X 19-33 "Angela\\r\\nMerkel"', 'X 27-35 "Merkel x"']);
  });

  it('round trip: hard cases exported to brat, imported into an empty corpus and exported again give the same .ann files; a second import adds nothing', async () => {
    const original = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const first = exportBrat({ documents: original.documents, config: original.config });
    const folder = await exportedFiles(first, original.files);
    const corpus = new MemoryFileSystem();
    const report = await importInto(corpus, await readBrat(folder, corpus));
    assert.equal(report.rejected, 0);
    assert.equal(report.added, first.annotations);
    const paths = corpus.paths().filter((path) => !path.endsWith('.ann.yaml'));
    const second = exportBrat({ documents: await loadDocuments(new SidecarStore(corpus), paths), config: original.config });
    const ann = (output: typeof first) => Object.fromEntries(output.files.flatMap((file) => ('content' in file && file.path.endsWith('.ann') ? [[file.path, file.content]] : [])));
    // Entities, notes (flattened to one line by the first export) and attributes all come back.
    assert.deepEqual(ann(second), ann(first));
    assert.ok(Object.values(ann(first)).some((content) => content.includes('\tAnnotatorNotes T1\t') && content.includes('\trole T1 lead')));
    assert.equal(Object.keys(ann(first)).length, 7);

    const before = sidecars(corpus);
    const again = await importInto(corpus, await readBrat(folder, corpus));
    assert.equal(again.added, 0);
    assert.equal(again.present, first.annotations);
    assert.equal(again.sidecarsWritten, 0);
    assert.deepEqual(sidecars(corpus), before);
  });
});
