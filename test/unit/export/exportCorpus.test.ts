import assert from 'node:assert/strict';
import { exportFileText } from '../../../src/core/export/exportTypes';
import { exportCorpus, selectDocuments } from '../../../src/core/export/exportCorpus';
import { exportFormats } from '../../../src/core/export/exportTypes';
import { memoryCorpus, loadDocuments, type MemoryCorpus } from './exportTestSupport';

/** A corpus where, after the texts changed, one annotation is orphaned and one fuzzy. */
async function changedCorpus(): Promise<MemoryCorpus> {
  const corpus = await memoryCorpus(
    { 'a.txt': 'Sophia Archer met the mayor of Lisbon on Monday.', 'b.txt': 'Nothing tagged here.', 'c.txt': 'Porto won.' },
    { 'a.txt': [{ type: 'PERSON', start: 0, end: 13 }, { type: 'LOCATION', start: 31, end: 37 }, { type: 'DATE', start: 41, end: 47 }] },
  );
  corpus.files.writeFile('a.txt', 'Someone met the mayor of Lisboa on Monday.');
  corpus.files.writeFile('c.txt.ann.yaml', 'format: news-annotator/1\nstatus: "done"\nannotations: []\n');
  corpus.documents = await loadDocuments(corpus.store, ['a.txt', 'b.txt', 'c.txt']);
  return corpus;
}

describe('exportCorpus', () => {
  it('never writes an orphaned or fuzzy annotation at its old offsets; each is reported at its sidecar line', async () => {
    const corpus = await changedCorpus();
    const [a] = corpus.documents;
    assert.deepEqual(a.unplaced.map((item) => [item.annotation.text, item.kind]).sort(), [['Lisbon', 'fuzzy'], ['Sophia Archer', 'orphan']]);
    assert.deepEqual(a.placed.map((annotation) => [annotation.text, annotation.start]), [['Monday', 35]], 'a moved annotation is exported at its new place');
    for (const format of exportFormats) {
      const result = exportCorpus(format, { documents: [a], config: corpus.config });
      assert.equal(result.unplaced, 2, format);
      const warnings = result.warnings.filter((item) => item.code === 'export-unplaced');
      assert.deepEqual(warnings.map((item) => `${item.file}:${item.line}:${item.column}`).sort(), ['a.txt.ann.yaml:6:5', 'a.txt.ann.yaml:7:5'], format);
      assert.ok(result.notes.some((note) => note.includes('2 orphaned or fuzzy')), format);
      // The data itself: the one file, or brat's .ann files (its .conf files list every type).
      const written = result.files.map((file) => (file.path === '' || file.path.endsWith('.ann') ? (exportFileText(file) ?? '') : '')).join('');
      if (format === 'yaml') {
        assert.match(written, /\n {4}orphaned:\n {6}- \{id: "[a-z2-7]{8}", type: "PERSON", start: 0, end: 13, text: "Sophia Archer"/);
        assert.match(written, /\n {4}fuzzy:\n {6}- \{id: "[a-z2-7]{8}", type: "LOCATION", start: 31, end: 37, text: "Lisbon"/);
        assert.match(written, /\n {4}sidecar_sha256: "[0-9a-f]{64}"\n/);
      } else {
        assert.equal(result.annotations, 1, format);
        assert.ok(!written.includes('PERSON') && !written.includes('"LOCATION"') && !/LOCATION \d/.test(written), `${format} leaves them out`);
      }
    }
  });

  it('exports the documents that have a sidecar, or those with the statuses asked for', async () => {
    const corpus = await changedCorpus();
    const paths = (filter: Parameters<typeof selectDocuments>[1]) => selectDocuments(corpus.documents, filter).map((document) => document.path);
    assert.deepEqual(paths({}), ['a.txt', 'c.txt']);
    assert.deepEqual(paths({ withoutSidecar: true }), ['a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(paths({ statuses: new Set(['done'] as const) }), ['c.txt']);
    assert.deepEqual(paths({ statuses: new Set(['untouched'] as const), withoutSidecar: true }), ['b.txt']);
  });
});
