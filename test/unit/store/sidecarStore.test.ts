import assert from 'node:assert/strict';
import { readFixture } from '../sidecar/sidecarTestSupport';
import { loaded, setup, sidecarPath, textPath } from './storeTestSupport';

describe('SidecarStore.load', () => {
  it('reads text and sidecar, every annotation exact, no problems', async () => {
    const result = await loaded(setup().store);
    assert.equal(result.sidecar.annotations.length, 6);
    assert.deepEqual(result.anchors.map((anchor) => anchor.kind), Array(6).fill('exact'));
    assert.deepEqual(result.problems, []);
    assert.equal(result.writable, true);
    assert.equal(result.version?.size, readFixture('article.txt.ann.yaml').length + 4 /* emoji: 4 UTF-8 bytes, 2 UTF-16 units, twice */);
  });

  it('gives a fresh sidecar when there is none', async () => {
    const result = await loaded(setup(null).store);
    assert.equal(result.version, undefined);
    assert.deepEqual(result.sidecar.annotations, []);
    assert.equal(result.sidecar.source.file, 'article.txt');
    assert.equal(result.sidecar.source.sha256, result.decoded.sha256);
  });

  it('re-anchors when the text changed, reporting the annotations it lost', async () => {
    const { files, store } = setup();
    files.writeFile(textPath, 'BREAKING: ' + readFixture('article.txt').replace('Mr. True', 'Ms. Other'));
    const result = await loaded(store);
    assert.deepEqual(result.anchors.slice(0, 5).map((anchor) => anchor.kind), Array(5).fill('moved'));
    assert.deepEqual(result.anchors[0], { kind: 'moved', start: 10, end: 23 });
    assert.notEqual(result.anchors[5].kind, 'exact');
    assert.ok(result.problems.every((item) => item.code !== 'text-mismatch'));
    assert.ok(result.problems.some((item) => item.code === 'annotation-orphaned' || item.code === 'annotation-fuzzy'));
  });

  it('skips the validation findings when asked (agree), and still reports what it cannot read', async () => {
    const { files, store } = setup();
    files.writeFile(textPath, 'BREAKING: ' + readFixture('article.txt').replace('Mr. True', 'Ms. Other'));
    const checked = await loaded(store);
    const quick = await store.load(textPath, { validate: false });
    assert.ok(quick.ok);
    assert.ok(checked.problems.length > 0);
    assert.deepEqual(quick.problems, []);
    assert.deepEqual(quick.anchors, checked.anchors);
    assert.deepEqual(quick.sidecar, checked.sidecar);
    files.writeFile(sidecarPath, 'status: [\n');
    const broken = await store.load(textPath, { validate: false });
    assert.equal(broken.ok, false);
    assert.ok(broken.problems.length > 0);
  });

  it('a one-pass read (remember: false) finds the same, and its version still proves the bytes when asked', async () => {
    const { files, store } = setup();
    const once = await store.load(textPath, { remember: false });
    const kept = await loaded(setup().store);
    assert.ok(once.ok);
    assert.deepEqual(once.sidecar, kept.sidecar);
    assert.deepEqual(once.problems, kept.problems);
    assert.deepEqual(
      { size: once.version?.size, mtimeMs: once.version?.mtimeMs, sha256: once.version?.sha256 },
      { size: kept.version?.size, mtimeMs: kept.version?.mtimeMs, sha256: kept.version?.sha256 },
      'the same size, time and hash',
    );
    // A write still checks the file against that hash: changed bytes make a different one.
    files.writeFile(sidecarPath, readFixture('article.txt.ann.yaml').replace('status: ', 'status:  '));
    const changed = await store.load(textPath, { remember: false });
    assert.ok(changed.ok);
    assert.notEqual(changed.version?.sha256, once.version?.sha256);
    assert.match(once.version?.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  it('reports a text that is missing, and a sidecar it cannot read, as problems', async () => {
    const { files, store } = setup('status: [\n');
    const broken = await store.load(textPath);
    assert.equal(broken.ok, false);
    assert.ok(!broken.ok && broken.decoded !== undefined);
    files.delete(textPath);
    const missing = await store.load(textPath);
    assert.deepEqual(missing.problems.map((item) => [item.code, item.file]), [['text-missing', textPath]]);
  });

  it('turns I/O failures into problems', async () => {
    const { files, store } = setup();
    files.beforeOperation = (operation, path) => {
      if (operation === 'readFile' && path === sidecarPath) throw new Error('EACCES: permission denied');
    };
    const result = await store.load(textPath);
    assert.deepEqual(result.problems.map((item) => item.code), ['sidecar-unreadable']);
  });

  it('refuses a sidecar that is not UTF-8', async () => {
    const { files, store } = setup();
    files.writeFile(sidecarPath, new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const result = await store.load(textPath);
    assert.deepEqual(result.problems.map((item) => item.code), ['sidecar-encoding']);
  });
});
