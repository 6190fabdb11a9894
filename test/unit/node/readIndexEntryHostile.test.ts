/**
 * The editor's index reads sidecars straight from disk: a sidecar that is a link is not read
 * (wherever it points), and one that is a FIFO is not waited on.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpusIndex } from '../../../src/node/corpusIndexLoader';
import { readIndexEntry } from '../../../src/node/readIndexEntry';
import { temporaryFolder } from '../export/exportTestSupport';

const budgetMs = 5000;

function withinBudget<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('still waiting after the budget')), budgetMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('readIndexEntry on hostile files', () => {
  let temporary: { folder: string; remove: () => void };
  let root: string;
  beforeEach(() => {
    temporary = temporaryFolder('index-hostile-');
    root = path.join(temporary.folder, 'corpus');
    mkdirSync(root);
    writeFileSync(path.join(temporary.folder, 'secrets.yaml'), 'format: news-annotator/1\nsource: {file: a.txt}\nannotations: []\n');
    for (const name of ['a.txt', 'b.txt']) writeFileSync(path.join(root, name), 'Ana Paz.\n');
    symlinkSync('../secrets.yaml', path.join(root, 'a.txt.ann.yaml'));
    execFileSync('mkfifo', [path.join(root, 'b.txt.ann.yaml')]);
  });
  afterEach(() => temporary.remove());

  it('marks a linked or FIFO sidecar unreadable without reading or waiting, read directly or through the loader', async () => {
    for (const file of ['a.txt', 'b.txt']) {
      const entry = await withinBudget(readIndexEntry(root, file));
      assert.equal(entry.unreadable, true, file);
    }
    const loaded = await withinBudget(loadCorpusIndex(root, ['a.txt', 'b.txt'], path.join(temporary.folder, 'cache.json')));
    for (const file of ['a.txt', 'b.txt']) assert.equal(loaded.index.record(file)?.meta.unreadable, true, file);
  });
});
