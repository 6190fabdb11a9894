import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { startWorker, taggedWords, wordCorpus } from './concurrencySupport';

describe('sidecar updates from several processes', function () {
  this.timeout(60_000);
  let folder: string;
  let textPath: string;
  beforeEach(() => ({ folder, textPath } = wordCorpus(20_000)));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps all 600 annotations when two processes make 300 updates each to one sidecar', async () => {
    const workers = [startWorker(textPath, 0, 300), startWorker(textPath, 300, 300)];
    const codes = await Promise.all(workers.map((worker) => worker.exited));
    const tagged = taggedWords(textPath);
    assert.equal(tagged.size, 600, `${tagged.size} of 600 annotations survived`);
    assert.deepEqual(
      workers.map((worker) => worker.failures),
      [[], []],
      'no update is refused',
    );
    assert.deepEqual(codes, [0, 0]);
    assert.deepEqual(leftovers(folder), []);
  });

  it('leaves every sidecar whole after a writer is killed mid-run 20 times, and the next writer cleans up', async () => {
    const acknowledged = new Set<number>();
    let killsThatLeftFiles = 0;
    let seed = 17;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 20; run++) {
      const worker = startWorker(textPath, run * 500, 500);
      await worker.firstAcknowledged;
      // Somewhere in the middle of a later update: reading, writing the temporary file, renaming.
      await new Promise((resolve) => setTimeout(resolve, 1 + random() * 40));
      worker.child.kill('SIGKILL');
      await worker.exited;
      if (leftovers(folder).length > 0) killsThatLeftFiles++;
      assert.deepEqual(worker.failures, [], `run ${run}: no update is refused`);
      for (const word of worker.acknowledged) acknowledged.add(word);
      const tagged = taggedWords(textPath);
      const lost = [...acknowledged].filter((word) => !tagged.has(word));
      assert.deepEqual(lost, [], `run ${run}: every acknowledged annotation is in the sidecar`);
    }
    const last = startWorker(textPath, 19_000, 3);
    assert.equal(await last.exited, 0, 'a later run succeeds');
    assert.deepEqual(last.failures, []);
    assert.equal(taggedWords(textPath).size >= acknowledged.size + 3, true);
    assert.ok(killsThatLeftFiles > 0, 'some writers died holding the lock, so recovery was exercised');
    assert.deepEqual(leftovers(folder), [], 'no temporary or lock file remains');
  });
});

/** Files other than the text and its sidecar: temporary files, locks. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name !== 'article.txt' && name !== 'article.txt.ann.yaml');
}
