import assert from 'node:assert/strict';
import { applyChange } from '../../../src/core/editing/annotationChange';
import { tagFragments } from '../../../src/core/editing/relationActions';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { readFixture } from '../sidecar/sidecarTestSupport';
import { loaded, setup, sidecarPath, textPath } from './storeTestSupport';

const article = readFixture('article.txt');

describe('discontinuous spans in the store: checked, and re-anchored fragment by fragment', () => {
  async function withFragments() {
    const corpus = setup();
    const made = await corpus.store.update(textPath, (sidecar, text) => applyChange(sidecar, tagFragments(sidecar, text, [{ start: 28, end: 34 }, { start: 0, end: 6 }], { type: 'PERSON' })));
    assert.ok(made.ok, JSON.stringify(made.ok ? [] : made.problems));
    const split = made.sidecar.annotations.find((annotation) => annotation.fragments !== undefined)!;
    assert.deepEqual([split.text, split.start, split.end, split.fragments], ['Sophia Lisbon', 0, 34, [[0, 6], [28, 34]]]);
    assert.deepEqual(made.problems, []);
    return { ...corpus, id: split.id };
  }

  it('a fresh discontinuous tag holds its text (no problems, not an orphan)', async () => {
    const { store } = await withFragments();
    const result = await loaded(store);
    assert.deepEqual(result.problems, []);
    assert.ok(result.anchors.every((anchor) => anchor.kind === 'exact'));
  });

  it('moves every fragment with the text when the article changes before them', async () => {
    const { files, store, id } = await withFragments();
    files.writeFile(textPath, 'BREAKING: ' + article);
    const updated = await store.update(textPath, (sidecar) => sidecar);
    assert.ok(updated.ok);
    const written = parseSidecar(files.readText(sidecarPath)!, sidecarPath);
    assert.ok(written.ok);
    const moved = written.sidecar.annotations.find((annotation) => annotation.id === id)!;
    assert.deepEqual([moved.start, moved.end, moved.fragments, moved.text], [10, 44, [[10, 16], [38, 44]], 'Sophia Lisbon']);
    assert.notEqual(written.sidecar.source.sha256, '', 'every annotation placed: the new hash is written');
    assert.deepEqual((await loaded(store)).problems, []);
  });

  it('reports the annotation like a lost span when one fragment is gone', async () => {
    const { files, store, id } = await withFragments();
    files.writeFile(textPath, article.replace('Lisbon', 'Porto'));
    const result = await loaded(store);
    const index = result.sidecar.annotations.findIndex((annotation) => annotation.id === id);
    assert.equal(result.anchors[index].kind, 'orphan');
    assert.ok(result.problems.some((item) => item.code === 'annotation-orphaned'), JSON.stringify(result.problems));
  });
});
