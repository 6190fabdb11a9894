import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameBytes as sameBytesNode } from '../../../src/core/text/sameBytes';
import { sameBytes as sameBytesBrowser } from '../../../src/core/text/sameBytes.browser';

/** `bytes` copied into a larger buffer at `offset`, so views start at every alignment. */
function at(bytes: Uint8Array, offset: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + offset + 3);
  buffer.fill(0xaa);
  buffer.set(bytes, offset);
  return buffer.subarray(offset, offset + bytes.length);
}

for (const [host, sameBytes] of [['desktop', sameBytesNode], ['browser', sameBytesBrowser]] as const) {
  describe(`sameBytes (${host})`, () => {
    it('says two arrays are equal exactly when every byte is, at any alignment', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 0, maxLength: 300 }),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          fc.integer({ min: 0, max: 7 }),
          fc.integer({ min: 0, max: 7 }),
          fc.boolean(),
          (bytes, position, change, leftOffset, rightOffset, differ) => {
            const other = Uint8Array.from(bytes);
            if (differ && other.length > 0) other[position % other.length] ^= change;
            const expected = !differ || other.length === 0;
            assert.equal(sameBytes(at(bytes, leftOffset), at(other, rightOffset)), expected);
          },
        ),
        { numRuns: 5000 },
      );
    });

    it('tells a megabyte apart by its last byte, and by its length', () => {
      const left = new Uint8Array(1 << 20).map((_, index) => index % 251);
      const right = Uint8Array.from(left);
      assert.equal(sameBytes(left, right), true);
      right[right.length - 1] ^= 1;
      assert.equal(sameBytes(left, right), false);
      assert.equal(sameBytes(left, left.subarray(0, left.length - 1)), false);
    });
  });
}
