import assert from 'node:assert/strict';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { annotationConfMarker } from '../../../src/core/export/bratConfig';
import { exportCorpus, selectDocuments } from '../../../src/core/export/exportCorpus';
import { intoCorpusRefusal, overwriteRefusalOf } from '../../../src/core/export/exportMarker';
import { yamlExportFormat } from '../../../src/core/export/yamlExport';
import { openCorpusOver } from '../../../src/workspace/openCorpusOver';
import { validateCorpus } from '../../../src/workspace/validateCorpus';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// Validate and Export as the browser runs them: a corpus opened over a FileSystem that is not the
// disk (the browser's is workspace.fs; here it is memory), with the same project reading, store
// and checks as the command line.
const article = 'Valparaíso welcomed Amaru Quispe-Llanos.\n';
const files = {
  'news-annotator.yaml': 'version: 1\ntypes:\n  - PERSON\n  - LOCATION\n',
  'valparaiso.txt': article,
  // Offsets that do not hold their text: what a bad merge leaves behind.
  'broken.txt': 'Arica is a port.\n',
  'broken.txt.ann.yaml': ['format: news-annotator/1', 'annotations:', '  - {id: "brkn2345", type: "LOCATION", start: 0, end: 5, text: "Iquique"}', ''].join('\n'),
  'gone.txt.ann.yaml': 'format: news-annotator/1\nannotations: []\n',
};
const list = () => Promise.resolve({ files: ['broken.txt', 'valparaiso.txt'], sidecars: ['broken.txt.ann.yaml', 'gone.txt.ann.yaml'] });

async function opened(fileSystem = new MemoryFileSystem(files)) {
  const corpus = await openCorpusOver('/corpus', fileSystem, list);
  if ('error' in corpus) throw new Error(corpus.error);
  return corpus;
}

describe('a corpus opened over any FileSystem (Validate and Export in the browser)', () => {
  it('validates: the broken sidecar and the sidecar without a text, as the command line reports them', async () => {
    const corpus = await opened();
    assert.deepEqual([...corpus.knownTypes].sort(), ['LOCATION', 'PERSON']);
    const problems = validateCorpus(corpus, await loadCorpus(corpus.store, corpus.files), (relative) => `${corpus.root}/${relative}`);
    assert.ok(problems.some((item) => item.file === 'broken.txt.ann.yaml' && item.code === 'annotation-orphaned' && item.message.includes('Iquique')), JSON.stringify(problems));
    assert.ok(problems.some((item) => item.code === 'sidecar-without-text' && item.file === 'gone.txt.ann.yaml'));
    assert.ok(!problems.some((item) => item.file.startsWith('valparaiso')));
  });

  it('tags through its workspace and exports what was tagged, with code-point offsets', async () => {
    const fileSystem = new MemoryFileSystem(files);
    const corpus = await opened(fileSystem);
    const start = Array.from(article).indexOf('A');
    const edited = await corpus.workspace.edit('tag', [
      {
        textPath: 'valparaiso.txt',
        factory: (sidecar, index) => tagSpans(sidecar, index, [{ start, end: start + 'Amaru Quispe-Llanos'.length }], { type: 'PERSON', annotator: 'test' }),
      },
    ]);
    assert.deepEqual([edited.failures, edited.added], [[], 1]);
    assert.ok((await fileSystem.readFile('valparaiso.txt.ann.yaml')) !== undefined, 'the sidecar is written through the FileSystem');
    const load = await loadCorpus((await opened(fileSystem)).store, corpus.files);
    const result = exportCorpus('yaml', { documents: selectDocuments(load.documents, {}), config: corpus.config });
    const file = result.files[0];
    const text = 'content' in file ? file.content : 'chunks' in file ? [...file.chunks()].join('') : '';
    assert.match(text, /Amaru Quispe-Llanos/);
    assert.equal(result.annotations, 1, 'the broken sidecar’s tag, not in its text, is left out');
  });

  it('reports a corpus that cannot be listed instead of throwing', async () => {
    const corpus = await openCorpusOver('/corpus', new MemoryFileSystem(files), () => Promise.reject(new Error('offline')));
    assert.deepEqual(corpus, { error: 'The corpus folder /corpus could not be listed: offline' });
  });
});

describe('what an export may overwrite, decided once for the disk and the browser', () => {
  it('replaces nothing that is not an earlier export of the same format, unless forced', () => {
    assert.equal(overwriteRefusalOf('yaml', 'out.yaml', undefined), undefined);
    assert.equal(overwriteRefusalOf('yaml', 'out.yaml', { kind: 'file', head: `documents: 3\nformat: ${yamlExportFormat}\n` }), undefined);
    assert.equal(overwriteRefusalOf('yaml', 'out.yaml', { kind: 'file', head: '' }), undefined);
    assert.match(overwriteRefusalOf('yaml', 'notes.yaml', { kind: 'file', head: 'my: notes\n' }) ?? '', /notes.yaml exists and is not an earlier yaml export/);
    assert.match(overwriteRefusalOf('jsonl', 'out.jsonl', { kind: 'file', head: '{"text":"a","tokens":[]}\n' }) ?? '', /not an earlier jsonl export/);
    assert.equal(overwriteRefusalOf('spacy', 'out.jsonl', { kind: 'file', head: '{"text":"a","tokens":[]}\n' }), undefined);
    assert.equal(overwriteRefusalOf('brat', 'out', { kind: 'folder', names: [], annotationConf: undefined }), undefined);
    assert.equal(overwriteRefusalOf('brat', 'out', { kind: 'folder', names: ['annotation.conf'], annotationConf: `${annotationConfMarker}\n[entities]\n` }), undefined);
    assert.match(overwriteRefusalOf('brat', 'photos', { kind: 'folder', names: ['cat.jpg'], annotationConf: undefined }) ?? '', /not an earlier brat export/);
  });

  it('never writes a file the corpus would read as its own', () => {
    const isCorpusFile = (relative: string) => relative.endsWith('.txt');
    assert.match(intoCorpusRefusal('news/a.txt', isCorpusFile, '/corpus') ?? '', /Refusing to export: news\/a.txt/);
    assert.ok(intoCorpusRefusal('a.txt.ann.yaml', isCorpusFile, '/corpus'));
    assert.ok(intoCorpusRefusal('news-annotator.yaml', isCorpusFile, '/corpus'));
    assert.equal(intoCorpusRefusal('export/corpus.yaml', isCorpusFile, '/corpus'), undefined);
  });
});
