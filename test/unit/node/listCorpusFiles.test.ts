import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCorpusMatcher, defaultProjectConfig } from '../../../src/core/project';
import { listCorpusEntries, listCorpusFiles } from '../../../src/node/listCorpusFiles';
import { listFilesEndingWith } from '../../../src/node/listFilesEndingWith';

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

  it('never enters linked folders, and sets aside links, FIFOs and sockets the globs name instead of reading them', async () => {
    const top = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      const root = path.join(top, 'corpus');
      mkdirSync(path.join(root, 'en'), { recursive: true });
      mkdirSync(path.join(top, 'outside'));
      writeFileSync(path.join(top, 'outside', 'far.txt'), 'far');
      writeFileSync(path.join(top, 'outside', 'far.ann'), 'far');
      writeFileSync(path.join(root, 'en', 'a.txt'), 'text');
      symlinkSync('../outside', path.join(root, 'link-out'));
      symlinkSync('../outside/far.txt', path.join(root, 'en', 'b.txt'));
      symlinkSync('../outside/far.ann', path.join(root, 'en', 'b.ann'));
      symlinkSync('../outside/far.txt', path.join(root, 'en', 'b.md'));
      execFileSync('mkfifo', [path.join(root, 'en', 'c.txt')]);
      const matcher = createCorpusMatcher(defaultProjectConfig());
      assert.deepEqual(await listCorpusFiles(root, matcher), ['en/a.txt']);
      assert.deepEqual(await listCorpusEntries(root, matcher), { files: ['en/a.txt'], setAside: ['en/b.txt', 'en/c.txt'], sidecars: [] });
      const refused: string[] = [];
      assert.deepEqual(await listFilesEndingWith(root, '.ann', (file) => refused.push(file)), []);
      assert.deepEqual(refused, ['en/b.ann']);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });

  it('lists the sidecars in the same walk exactly as listFilesEndingWith does (dot-folders, node_modules and links left out)', async () => {
    const top = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      const root = path.join(top, 'corpus');
      const files = ['a.txt.ann.yaml', 'b/c.txt.ann.yaml', 'b/.hidden.txt.ann.yaml', '.drafts/d.txt.ann.yaml', 'b/.old/e.txt.ann.yaml', 'node_modules/f.txt.ann.yaml', '.git/g.ann.yaml', 'b/.ann.yaml', 'b/x.ann.yaml.txt', 'z/y.ann.yaml'];
      for (const file of files) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), 'annotations: []\n');
      }
      writeFileSync(path.join(top, 'far.ann.yaml'), 'annotations: []\n');
      symlinkSync('../far.ann.yaml', path.join(root, 'b', 'link.txt.ann.yaml'));
      const entries = await listCorpusEntries(root, createCorpusMatcher(defaultProjectConfig()));
      assert.deepEqual(entries.sidecars, await listFilesEndingWith(root, '.ann.yaml'));
      assert.deepEqual(entries.sidecars, ['a.txt.ann.yaml', 'b/.hidden.txt.ann.yaml', 'b/c.txt.ann.yaml', 'z/y.ann.yaml']);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
