import assert from 'node:assert/strict';
import { isCanonicalAnnotationId, newAnnotationId } from '../../../src/core/sidecar/annotationId';
import { baseName, isSidecarPath, sidecarPathFor, textPathFor } from '../../../src/core/sidecar/sidecarPath';

describe('newAnnotationId', () => {
  it('makes 8 characters of lowercase base32, different each time', () => {
    const ids = new Set<string>();
    for (let round = 0; round < 2000; round++) {
      const id = newAnnotationId(ids);
      assert.match(id, /^[a-z2-7]{8}$/);
      assert.ok(isCanonicalAnnotationId(id));
      ids.add(id);
    }
    assert.equal(ids.size, 2000);
  });

  it('skips ids already in the file', () => {
    const sequences = [new Uint8Array(8).fill(0), new Uint8Array(8).fill(1)];
    let call = 0;
    const id = newAnnotationId(new Set(['aaaaaaaa']), (bytes) => bytes.set(sequences[Math.min(call++, 1)]));
    assert.equal(id, 'bbbbbbbb');
  });

  it('still ends, with a unique id, when the random source is broken', () => {
    const id = newAnnotationId(new Set(['aaaaaaaa', 'aaaaaaaa-2']), (bytes) => bytes.fill(0));
    assert.equal(id, 'aaaaaaaa-3');
  });
});

describe('sidecar paths', () => {
  it('put the sidecar beside its text, with .ann.yaml added', () => {
    assert.equal(sidecarPathFor('corpus/2026/a.txt'), 'corpus/2026/a.txt.ann.yaml');
    assert.equal(textPathFor('corpus/2026/a.txt.ann.yaml'), 'corpus/2026/a.txt');
    assert.equal(textPathFor('corpus/a.txt'), undefined);
    assert.equal(isSidecarPath('.ann.yaml'), false);
    assert.equal(baseName('C:\\corpus\\a.txt'), 'a.txt');
    assert.equal(baseName('corpus/a.txt'), 'a.txt');
    assert.equal(baseName('a.txt'), 'a.txt');
  });
});
