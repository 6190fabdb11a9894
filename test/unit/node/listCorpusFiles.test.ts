import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCorpusMatcher, defaultProjectConfig } from '../../../src/core/project';
import { listCorpusFiles } from '../../../src/node/listCorpusFiles';

describe('listCorpusFiles', () => {
  it('lists corpus text files at any depth, sorted, without sidecars, READMEs or node_modules', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      for (const file of ['b.txt', 'a/z.txt', 'a/deep/y.txt', 'a/z.txt.ann.yaml', 'README.txt', 'node_modules/m/x.txt', 'notes.md']) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), 'text');
      }
      const files = await listCorpusFiles(root, createCorpusMatcher(defaultProjectConfig()));
      assert.deepEqual(files, ['a/deep/y.txt', 'a/z.txt', 'b.txt']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
