import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { FileSystem } from '../../../src/core/store/fileSystem';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore, type SidecarChange } from '../../../src/core/store/sidecarStore';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { taggedWords, wordCorpus, wordLength, wordStart } from './concurrencySupport';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

const tagWord =
  (word: number): SidecarChange =>
  (sidecar, text) => ({
    ...sidecar,
    annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type: 'WORD', start: wordStart(word), end: wordStart(word) + wordLength })],
  });

/** One update, then 50 at once from the same process: all 51 must be in the sidecar. */
async function fiftyAtOnce(files: FileSystem, textPath: string, stores: SidecarStore[]): Promise<void> {
  const first = await stores[0].update(textPath, tagWord(0));
  assert.ok(first.ok);
  const results = await Promise.all(Array.from({ length: 50 }, (_, index) => stores[index % stores.length].update(textPath, tagWord(index + 1))));
  assert.deepEqual(
    results.flatMap((result) => (result.ok ? [] : result.problems.map((item) => item.code))),
    [],
    'no update is refused',
  );
  const content = new TextDecoder().decode(await files.readFile(`${textPath}.ann.yaml`));
  const parsed = parseSidecar(content, 'sidecar');
  assert.ok(parsed.ok);
  assert.equal(parsed.sidecar.annotations.length, 51, `${parsed.sidecar.annotations.length} of 51 annotations survived`);
}

describe('concurrent sidecar updates in one process', function () {
  this.timeout(30_000);

  it('keeps all 51 annotations on disk, from one store and from two', async () => {
    const { folder, textPath } = wordCorpus(100);
    try {
      const disk = new NodeFileSystem();
      await fiftyAtOnce(disk, textPath, [new SidecarStore(disk)]);
      rmSync(`${textPath}.ann.yaml`);
      // Two stores over two file system objects still share the process's queue for the file.
      await fiftyAtOnce(disk, textPath, [new SidecarStore(disk), new SidecarStore(new NodeFileSystem())]);
      assert.equal(taggedWords(textPath).size, 51);
      assert.deepEqual(readdirSync(folder).sort(), ['article.txt', 'article.txt.ann.yaml']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps all 51 annotations in memory', async () => {
    const text = Array.from({ length: 100 }, (_, index) => `w${String(index).padStart(5, '0')}`).join(' ');
    const files = new MemoryFileSystem({ 'article.txt': text });
    await fiftyAtOnce(files, 'article.txt', [new SidecarStore(files)]);
  });
});
