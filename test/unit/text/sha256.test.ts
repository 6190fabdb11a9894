import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex as browserSha256 } from '../../../src/core/text/sha256.browser';
import { sha256Hex as nodeSha256 } from '../../../src/core/text/sha256';

const reference = (input: Uint8Array | string) => createHash('sha256').update(input).digest('hex');

describe('sha256Hex of the browser build', () => {
  it('gives the published digests of the empty string and "abc"', () => {
    assert.equal(browserSha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(browserSha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    // 55, 56 and 64 bytes are where the length no longer fits in the last block.
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + length) & 0xff);
      assert.equal(browserSha256(bytes), reference(bytes), `length ${length}`);
    }
  });

  it('agrees with node:crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => browserSha256(bytes) === reference(bytes)),
      { numRuns: 300 },
    );
  });

  it('hashes strings as their UTF-8 bytes, as node:crypto does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => browserSha256(text) === reference(text)));
    assert.equal(browserSha256('Zürich \u{1F600}'), nodeSha256('Zürich \u{1F600}'));
  });

  it('does not depend on the offset of a view into a larger buffer', () => {
    const whole = Uint8Array.from({ length: 300 }, (_, index) => index & 0xff);
    const slice = whole.subarray(17, 250);
    assert.equal(browserSha256(slice), reference(slice));
  });
});
