import assert from 'node:assert/strict';
import { readFixture } from '../sidecar/sidecarTestSupport';
import { setup, sidecarPath, tag, texts, textPath } from './storeTestSupport';

describe('SidecarStore and line breaks', () => {
  const lf = readFixture('article.txt.ann.yaml');

  it('keeps every annotation of a lone-CR sidecar when it adds one', async () => {
    const { files, store } = setup(lf.replace(/\n/g, '\r'));
    const loaded = await store.load(textPath);
    assert.ok(loaded.ok && loaded.writable);
    assert.equal(loaded.sidecar.annotations.length, 6);
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(texts(files).length, 7);
    assert.ok(texts(files).includes('tram line'));
  });

  it('keeps the entry after a comment line ended by a stray CR', async () => {
    const edited = lf.replace('\n  - {id: "m2c5vd6e"', '\n  # checked\r  - {id: "m2c5vd6e"');
    const { files, store } = setup(edited);
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(result.ok);
    assert.equal(texts(files).length, 7);
    assert.ok(texts(files).includes('ACME Corp.'));
  });

  it('leaves byte for byte a sidecar it cannot read exactly', async () => {
    const ambiguous = lf.replace('\n  - {id: "m2c5vd6e"', '\n  # checked\u2028  - {id: "m2c5vd6e"');
    const { files, store } = setup(ambiguous);
    const result = await store.update(textPath, tag('LOCATION', 93, 102));
    assert.ok(!result.ok);
    assert.ok(result.problems.some((item) => item.code === 'yaml-ambiguous-line-break'));
    assert.equal(files.readText(sidecarPath), ambiguous);
  });
});
