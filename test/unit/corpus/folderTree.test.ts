import assert from 'node:assert/strict';
import { buildFolderTree, countFiles } from '../../../src/core/corpus/folderTree';

describe('buildFolderTree', () => {
  it('nests files under their folders, folders before files, sorted naturally', () => {
    const root = buildFolderTree(['zh/b.txt', 'en/a10.txt', 'en/a2.txt', 'top.txt', 'en/deep/x.txt']);
    assert.deepEqual(
      root.folders.map((folder) => folder.name),
      ['en', 'zh'],
    );
    const english = root.folders[0];
    assert.deepEqual(english.files.map((file) => file.name), ['a2.txt', 'a10.txt']);
    assert.equal(english.folders[0].path, 'en/deep');
    assert.equal(english.folders[0].files[0].path, 'en/deep/x.txt');
    assert.deepEqual(root.files.map((file) => file.path), ['top.txt']);
  });

  it('counts every file below a folder once, even when a path is listed twice', () => {
    const root = buildFolderTree(['a/1.txt', 'a/b/2.txt', 'a/b/2.txt', 'c.txt']);
    assert.equal(countFiles(root), 3);
    assert.equal(countFiles(root.folders[0]), 2);
  });

  it('gives an empty root for an empty corpus', () => {
    const root = buildFolderTree([]);
    assert.equal(countFiles(root), 0);
    assert.deepEqual(root.folders, []);
  });
});
