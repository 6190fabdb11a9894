import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { problem } from '../../../src/core/problem';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { SidecarChange } from '../../../src/core/store/sidecarStore';
import { readFixture } from '../sidecar/sidecarTestSupport';
import { loaded, setup, sidecarPath, tag, texts, textPath, writes } from './storeTestSupport';

describe('SidecarStore.update', () => {
  it('adds an annotation and writes the canonical file', async () => {
    const { files, store } = setup();
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok, JSON.stringify(result.problems));
    assert.equal(result.written, true);
    assert.deepEqual(result.problems, []);
    const content = files.readText(sidecarPath)!;
    assert.equal(serializeSidecar(result.sidecar), content);
    assert.ok(texts(files).includes('tram line'));
    const reread = await loaded(store);
    assert.deepEqual(reread.version, result.version);
    assert.equal(reread.version?.sha256, result.version.sha256, 'the version written is the version read back');
    assert.equal(result.version.sha256, createHash('sha256').update(files.readText(sidecarPath)!, 'utf8').digest('hex'));
  });

  it('creates the sidecar when there is none', async () => {
    const { files, store } = setup(null);
    const result = await store.update(textPath, tag('PERSON', 0, 13));
    assert.ok(result.ok);
    assert.deepEqual(texts(files), ['Sophia Archer']);
    assert.match(files.readText(sidecarPath)!, /^# News Annotator sidecar: annotations of article\.txt\./);
  });

  it('writes nothing when the change changes nothing', async () => {
    const { files, store } = setup();
    const result = await store.update(textPath, (sidecar) => sidecar);
    assert.ok(result.ok);
    assert.equal(result.written, false);
    assert.equal(writes(files), 0);
  });

  it('never writes over conflict markers, and says where they are', async () => {
    const conflicted = readFixture('conflicted.ann.yaml');
    const { files, store } = setup(conflicted);
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map((item) => `${item.code}@${item.line}:${item.column}`), [
      'conflict-markers@7:1',
      'conflict-markers@9:1',
      'conflict-markers@11:1',
    ]);
    assert.equal(files.readText(sidecarPath), conflicted);
    assert.equal(writes(files), 0);
  });

  it('never writes over a file with a syntax error or an entry it could not read', async () => {
    for (const damaged of [
      readFixture('article.txt.ann.yaml').replace('status: "in-progress"', 'status: "in-progress'),
      readFixture('article.txt.ann.yaml').replace('text: "Lisbon"', 'text: True'),
    ]) {
      const { files, store } = setup(damaged);
      const result = await store.update(textPath, tag('LOCATION', 93, 102));
      assert.equal(result.ok, false);
      assert.ok(result.problems.length > 0);
      assert.equal(files.readText(sidecarPath), damaged);
      assert.equal(writes(files), 0);
    }
  });

  it('keeps an annotation someone else added on disk after load', async () => {
    const { files, store } = setup();
    const before = await loaded(store);
    // Another program (a colleague's editor, a git pull) adds "tram line" meanwhile.
    const theirs: Sidecar = {
      ...before.sidecar,
      annotations: [...before.sidecar.annotations, newAnnotation(before.sidecar, before.text, { type: 'LOCATION', start: 93, end: 102 })],
    };
    files.writeFile(sidecarPath, serializeSidecar(theirs));
    const result = await store.update(textPath, tag('DATE', 124, 128));
    assert.ok(result.ok);
    assert.deepEqual(texts(files).filter((text) => text === 'tram line' || text === '2027'), ['tram line', '2027']);
  });

  it('starts over when the file changes between its read and the write, and keeps both changes', async () => {
    const { files, store } = setup();
    let sidecarReads = 0;
    files.beforeOperation = (operation, path) => {
      if (operation !== 'readFile' || path !== sidecarPath) return;
      sidecarReads++;
      // The second read is the re-check just before writing: change the file right there.
      if (sidecarReads === 2) {
        const current = parseSidecar(files.readText(sidecarPath)!, sidecarPath);
        assert.ok(current.ok);
        const outside = { ...current.sidecar, status: 'done' as const };
        files.writeFile(sidecarPath, serializeSidecar(outside));
      }
    };
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok);
    assert.equal(writes(files), 1);
    assert.equal(result.sidecar.status, 'done');
    assert.ok(texts(files).includes('tram line'));
  });

  it('notices an outside change that keeps size and modification time (by the bytes)', async () => {
    const { files, store } = setup();
    let sidecarReads = 0;
    files.beforeOperation = (operation, path) => {
      if (operation === 'readFile' && path === sidecarPath && ++sidecarReads === 2) {
        const same = files.readText(sidecarPath)!.replace('meeting', 'Meeting');
        files.writeFile(sidecarPath, same, files.mtimeOf(sidecarPath));
      }
    };
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok);
    assert.match(files.readText(sidecarPath)!, /Meeting/);
    assert.ok(texts(files).includes('tram line'));
  });

  it('gives up, writing nothing, when the file never stops changing', async () => {
    const { files, store } = setup();
    let counter = 0;
    files.beforeOperation = (operation, path) => {
      if (operation === 'readFile' && path === sidecarPath) files.writeFile(sidecarPath, readFixture('article.txt.ann.yaml') + `extra${counter++}: 1\n`);
    };
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.deepEqual(result.problems.map((item) => item.code), ['sidecar-busy']);
    assert.equal(writes(files), 0);
  });

  it('returns the change’s own problem, or a thrown error as one, and writes nothing', async () => {
    const { files, store } = setup();
    const refused = await store.update(textPath, () => problem('overlap', 'Overlapping spans are switched off.', textPath));
    assert.deepEqual(refused.problems.map((item) => item.code), ['overlap']);
    const thrown = await store.update(textPath, () => {
      throw new Error('bug in the caller');
    });
    assert.deepEqual(thrown.problems.map((item) => item.code), ['sidecar-change-failed']);
    assert.equal(writes(files), 0);
  });

  it('reports a failed write as a problem', async () => {
    const { files, store } = setup();
    files.beforeOperation = (operation) => {
      if (operation === 'writeFileAtomic') throw new Error('ENOSPC: no space left on device');
    };
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.deepEqual(result.problems.map((item) => item.code), ['sidecar-write-failed']);
    assert.match(result.problems[0].message, /ENOSPC/);
  });

  it('moves annotations to where the changed text has them, and then updates the hash', async () => {
    const { files, store } = setup();
    files.writeFile(textPath, 'BREAKING: ' + readFixture('article.txt'));
    const result = await store.update(textPath, (sidecar) => sidecar);
    assert.ok(result.ok && result.written);
    const reread = await loaded(store);
    assert.equal(reread.sidecar.source.sha256, reread.decoded.sha256);
    assert.deepEqual(reread.anchors.map((anchor) => anchor.kind), Array(6).fill('exact'));
    assert.equal(reread.sidecar.annotations[0].start, 10);
    assert.equal(reread.sidecar.annotations[0].prefix, 'BREAKING: ');
    assert.deepEqual(reread.problems, []);
  });

  it('keeps the old hash while an annotation is lost, so it stays reported', async () => {
    const { files, store } = setup();
    const oldHash = (await loaded(store)).sidecar.source.sha256;
    files.writeFile(textPath, readFixture('article.txt').replace('and Mr. True disagreed', 'and others disagreed'));
    const result = await store.update(textPath, tag('DATE', 124, 128));
    assert.ok(result.ok);
    assert.equal(result.sidecar.source.sha256, oldHash);
    const reread = await loaded(store);
    assert.ok(reread.problems.some((item) => item.code === 'annotation-orphaned' || item.code === 'annotation-fuzzy'));
    assert.ok(texts(files).includes('True'), 'the lost annotation is kept, never dropped');
  });

  it('turns a hand-edited file canonical, keeping unknown fields and adding context', async () => {
    const { files, store } = setup(readFixture('hand-edited.ann.yaml'));
    const result = await store.update(textPath, (sidecar) => sidecar);
    assert.ok(result.ok && result.written);
    const content = files.readText(sidecarPath)!;
    const reread = parseSidecar(content, sidecarPath);
    assert.ok(reread.ok && reread.canonical);
    assert.deepEqual(reread.sidecar.annotations[0].extra, { confidence: 0.9 });
    assert.equal(reread.sidecar.annotations[0].suffix, ', the mayor of Lisbon, met ACME ');
    assert.deepEqual(reread.sidecar.extra, { project: 'lisbon-2026' });
    assert.equal(reread.sidecar.source.newline, 'lf');
  });

  it('keeps CRLF line endings of a sidecar git checked out that way', async () => {
    const { files, store } = setup(readFixture('article.txt.ann.yaml').replace(/\n/g, '\r\n'));
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok);
    const content = files.readText(sidecarPath)!;
    assert.equal(content.split('\r\n').length, content.split('\n').length);
  });

  it('reports validation problems of the result at their line in the new file', async () => {
    const { store } = setup();
    const result = await store.update(textPath, tag('WEAPON', 93, 102));
    assert.ok(result.ok);
    assert.deepEqual(result.problems.map((item) => `${item.code}@${item.line}`), ['unknown-entity-type@10']);
  });

  it('checks a new entry against the text after earlier writes settled the others', async () => {
    const { store } = setup();
    // The first writes settle every entry: later ones are not checked again.
    assert.ok((await store.update(textPath, tag('LOCATION', 93, 102))).ok);
    assert.ok((await store.update(textPath, tag('DATE', 0, 6))).ok);
    const wrongText: SidecarChange = (sidecar, text) => {
      const entry = newAnnotation(sidecar, text, { type: 'PERSON', start: 20, end: 26, annotator: 'bo' });
      return { ...sidecar, annotations: [...sidecar.annotations, { ...entry, text: 'not what the text says' }] };
    };
    const mismatched = (result: Awaited<ReturnType<typeof store.update>>): number => (result.ok ? result.problems.filter((item) => item.code === 'text-mismatch').length : -1);
    assert.equal(mismatched(await store.update(textPath, wrongText)), 1, 'the new entry is checked');
    // And it is not taken as settled: a full load still reports it.
    const reread = await loaded(store);
    assert.equal(reread.problems.filter((item) => item.code === 'text-mismatch').length, 1);
  });
});
