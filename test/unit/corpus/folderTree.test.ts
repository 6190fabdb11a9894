import assert from 'node:assert/strict';
import { buildFolderTree } from '../../../src/core/corpus/folderTree';

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

  it('lists a path given twice once', () => {
    const root = buildFolderTree(['a/1.txt', 'a/b/2.txt', 'a/b/2.txt', 'c.txt']);
    assert.deepEqual(root.folders[0]?.folders[0]?.files.map((file) => file.path), ['a/b/2.txt']);
  });

  it('gives an empty root for an empty corpus', () => {
    const root = buildFolderTree([]);
    assert.deepEqual(root.files, []);
    assert.deepEqual(root.folders, []);
  });
});
