import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { serializeIndexCache } from '../../src/core/index/indexCache';
import { loadCorpusIndex } from '../../src/node/corpusIndexLoader';
import { writeCorpus } from '../bench/corpusOnDisk';

/**
 * The extension's cold start reads a large corpus over worker threads. The extension host is not
 * plain Node (code-server's, or Electron's utility process under @vscode/test-electron): this runs
 * the loader with its worker threads there, and checks the packaged extension carries the
 * worker script beside its bundle.
 */
describe('cold start over worker threads, in the extension host', function () {
  this.timeout(120_000);

  it('reads a corpus with its workers into the index one thread builds', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-host-workers-'));
    try {
      const corpus = writeCorpus(folder, { documents: 120, annotationsPerDocument: 10, distinctEntities: 60, seed: 5 });
      const one = await loadCorpusIndex(corpus.root, corpus.files, undefined, { threads: 1 });
      const workers = await loadCorpusIndex(corpus.root, corpus.files, undefined, { threads: 3, workersOnly: true });
      assert.equal(workers.parsed, corpus.files.length);
      assert.equal(workers.index.summary().annotations, corpus.annotations);
      assert.deepEqual(serializeIndexCache(workers.index, 'same'), serializeIndexCache(one.index, 'same'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('finds its worker script beside the installed bundle, and the .vsix keeps it', () => {
    const extension = vscode.extensions.getExtension('news-annotator.news-annotator');
    assert.ok(extension, 'the extension is installed');
    assert.ok(existsSync(path.join(extension.extensionPath, 'dist', 'indexWorker.js')));
    const kept = readFileSync(path.join(extension.extensionPath, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(kept.includes('!dist/indexWorker.js'), '.vscodeignore keeps dist/indexWorker.js in the .vsix');
  });
});
