import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { serializeIndexCache } from '../../../src/core/index/indexCache';
import { loadCorpusIndex, type LoadProgress } from '../../../src/node/corpusIndexLoader';
import { indexThreadsFor } from '../../../src/node/readIndexInWorkers';
import { writeCorpus } from '../../bench/corpusOnDisk';

/** Everything about the corpus the views show. */
function contents(index: CorpusIndex) {
  return { summary: index.summary(), files: index.files(), annotations: index.paths().map((file) => index.annotations(file)) };
}

describe("the extension's cold start over worker threads", function () {
  // Each load starts workers that compile their bundle from nothing.
  this.timeout(60_000);
  let folder: string;
  let root: string;
  let files: string[];

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-workers-'));
    const corpus = writeCorpus(folder, { documents: 150, annotationsPerDocument: 12, distinctEntities: 90, seed: 11 });
    root = corpus.root;
    // The files a corpus also has: no sidecar, a sidecar that is not UTF-8, a text changed since its tags.
    writeFileSync(path.join(root, 'untagged.txt'), 'Nothing tagged here.\n');
    writeFileSync(path.join(root, 'latin1.txt'), 'Caf\u00e9\n');
    writeFileSync(path.join(root, 'latin1.txt.ann.yaml'), Buffer.from([0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x3a, 0x20, 0xe9, 0x0a]));
    const changed = corpus.files[3];
    writeFileSync(path.join(root, changed), `Inserted at the start. ${readFileSync(path.join(root, changed), 'utf8')}`);
    files = [...corpus.files, 'untagged.txt', 'latin1.txt'].sort();
    // Out of the racy window, as writeCorpus dates its own files, so a warm start trusts them.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of ['untagged.txt', 'latin1.txt', 'latin1.txt.ann.yaml', changed]) utimesSync(path.join(root, file), anHourAgo, anHourAgo);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is found in the build, and used by default only with 1,000 files per thread', () => {
    assert.equal(indexThreadsFor(150), 1);
    assert.equal(indexThreadsFor(150, 3), 3);
    assert.ok(indexThreadsFor(100_000) >= 1);
  });

  for (const [name, options] of [
    ['two workers reading every file', { threads: 3, workersOnly: true }],
    ['this thread and a worker taking runs in turn', { threads: 2 }],
  ] as const) {
    it(`${name}: the very index one thread builds, with progress to the end`, async () => {
      const one = await loadCorpusIndex(root, files, undefined, { threads: 1 });
      const progress: LoadProgress[] = [];
      const many = await loadCorpusIndex(root, files, undefined, { ...options, onProgress: (step) => progress.push(step) });
      assert.deepEqual(contents(many.index), contents(one.index));
      // Same form and entity numbers, same records: the cache file is the same to the byte.
      assert.deepEqual(serializeIndexCache(many.index, 'same'), serializeIndexCache(one.index, 'same'));
      assert.equal(many.parsed, one.parsed);
      assert.equal(many.parsed, files.length - 1);
      assert.deepEqual(progress.at(-1), { done: files.length, total: files.length, reused: 0, parsed: files.length - 1 });
      assert.equal(many.index.files().find((file) => file.path === 'latin1.txt')?.state, 'problem');
    });
  }

  it('writes the cache as one thread does, and a second start reuses it', async () => {
    const cachePath = path.join(folder, 'cache', 'index.bin');
    const cold = await loadCorpusIndex(root, files, cachePath, { threads: 2 });
    assert.equal(cold.cacheWritten, true);
    const warm = await loadCorpusIndex(root, files, cachePath, { threads: 2 });
    assert.equal(warm.parsed, 0);
    assert.deepEqual(contents(warm.index), contents(cold.index));
  });

  it('reads in this thread what a failed worker left, and loses no file', async () => {
    // Ready for runs, then failing on the first it is sent (as serveRuns reports a failure).
    const failing = path.join(folder, 'failingWorker.js');
    writeFileSync(
      failing,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.postMessage({ kind: 'ready' });\n" +
        "parentPort.on('message', () => parentPort.postMessage({ kind: 'failed', error: 'cannot read this run' }));\n",
    );
    const one = await loadCorpusIndex(root, files, undefined, { threads: 1 });
    // Workers only: the failing one is sent runs (this thread would otherwise read the small corpus before it starts).
    const loaded = await loadCorpusIndex(root, files, path.join(folder, 'after-failure', 'index.bin'), { threads: 2, workersOnly: true, workerScript: failing });
    assert.deepEqual(contents(loaded.index), contents(one.index));
    assert.deepEqual(serializeIndexCache(loaded.index, 'same'), serializeIndexCache(one.index, 'same'));
    assert.equal(loaded.parsed, files.length - 1);
    assert.equal(loaded.cacheWritten, true);
  });

  it('stops when cancelled, and writes no cache', async () => {
    const cachePath = path.join(folder, 'cancelled', 'index.bin');
    let seen = 0;
    const loaded = await loadCorpusIndex(root, files, cachePath, { threads: 2, onProgress: () => seen++, isCancelled: () => seen >= 20 });
    assert.equal(loaded.cancelled, true);
    assert.equal(loaded.cacheWritten, false);
    assert.ok(loaded.index.size < files.length, `${loaded.index.size} files indexed`);
  });
});
