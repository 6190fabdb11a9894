import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { readFixture } from '../sidecar/sidecarTestSupport';

describe('NodeFileSystem', function () {
  this.timeout(60_000);
  let folder: string;
  const files = new NodeFileSystem();

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-fs-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads, stats and atomically writes files, and says undefined for missing ones', async () => {
    const target = path.join(folder, 'a.txt.ann.yaml');
    assert.equal(await files.readFile(target), undefined);
    assert.equal(await files.stat(target), undefined);
    assert.equal(await files.readFile(path.join(folder, 'missing-folder', 'x')), undefined);
    await files.writeFileAtomic(target, new TextEncoder().encode('first\n'));
    await files.writeFileAtomic(target, new TextEncoder().encode('second\n'));
    assert.equal(new TextDecoder().decode(await files.readFile(target)), 'second\n');
    assert.equal((await files.stat(target))?.size, 7);
    assert.deepEqual(readdirSync(folder), ['a.txt.ann.yaml'], 'no temporary file is left behind');
  });

  it('keeps the permissions of the file it replaces', async function () {
    if (process.platform === 'win32') this.skip();
    const target = path.join(folder, 'a.txt.ann.yaml');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await files.writeFileAtomic(target, new TextEncoder().encode('new'));
    assert.equal(statSync(target).mode & 0o777, 0o640);
  });

  it('removes its temporary file when the write fails, and leaves the target alone', async () => {
    // A folder where the file should be: the rename fails after the temporary file was written.
    const target = path.join(folder, 'blocked.ann.yaml');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'keep');
    await assert.rejects(files.writeFileAtomic(target, new TextEncoder().encode('data')));
    assert.deepEqual(readdirSync(folder), ['blocked.ann.yaml']);
    assert.equal(readFileSync(path.join(target, 'inside'), 'utf8'), 'keep');
  });

  it('never lets a reader see a torn file while it rewrites', async () => {
    const target = path.join(folder, 'big.ann.yaml');
    const versions = ['a', 'b'].map((letter) => new TextEncoder().encode(`${letter.repeat(2 * 1024 * 1024)}\n`));
    await files.writeFileAtomic(target, versions[0]);
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const data = readFileSync(target);
        assert.ok(data.length === versions[0].length && (data[0] === 0x61 || data[0] === 0x62), `torn read of ${data.length} bytes`);
        assert.equal(data[data.length - 2], data[0], 'a mix of two versions');
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let round = 0; round < 30; round++) await files.writeFileAtomic(target, versions[round % 2]);
    writing = false;
    await reader;
    assert.ok(reads > 0);
    assert.deepEqual(readdirSync(folder), ['big.ann.yaml']);
  });

  it('lets the store load and update sidecars on disk, and turn disk errors into problems', async () => {
    const textPath = path.join(folder, 'article.txt');
    writeFileSync(textPath, readFixture('article.txt'));
    const store = new SidecarStore(new NodeFileSystem());
    const result = await store.update(textPath, (sidecar, text) => ({
      ...sidecar,
      annotations: [{ id: 'abcdefgh', type: 'PERSON', start: 0, end: 13, text: text.slice(0, 13) }],
    }));
    assert.ok(result.ok, JSON.stringify(result.problems));
    assert.match(readFileSync(`${textPath}.ann.yaml`, 'utf8'), /text: "Sophia Archer", prefix: "", suffix: ", the mayor of Lisbon, met ACME "\}/);
    assert.deepEqual(readdirSync(folder).sort(), ['article.txt', 'article.txt.ann.yaml']);

    // A folder where the text should be: reading it fails with EISDIR, which comes back as a problem.
    const odd = path.join(folder, 'folder.txt');
    mkdirSync(odd);
    const failed = await store.load(odd);
    assert.deepEqual(failed.problems.map((item) => item.code), ['text-unreadable']);
  });
});
