import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8Fast } from '../../../src/node/decodeUtf8Fast';
import { decodeStrictUtf8 } from '../../../src/core/text/strictUtf8';

const encoder = new TextEncoder();

/** What a sidecar can hold: text in any script, byte-order marks anywhere, and bytes that are not UTF-8. */
const sidecarLikeBytes = fc.oneof(
  fc.string({ unit: 'binary' }).map((text) => encoder.encode(text)),
  fc.tuple(fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), fc.string({ unit: 'binary' })).map(([bom, text]) => encoder.encode(bom + text)),
  fc.uint8Array({ maxLength: 64 }),
  // Valid text with one byte changed: truncated sequences, lone surrogates (ED A0 80), overlong forms.
  fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([text, at, byte]) => {
    const bytes = encoder.encode(text);
    bytes[at % bytes.length] = byte;
    return bytes;
  }),
);

describe('decodeUtf8Fast (strict UTF-8 over Node\'s converters)', () => {
  it('gives what TextDecoder gives, or refuses what it refuses', () => {
    fc.assert(
      fc.property(sidecarLikeBytes, (bytes) => {
        assert.equal(decodeUtf8Fast(bytes), decodeStrictUtf8(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('drops exactly one leading byte-order mark', () => {
    assert.equal(decodeUtf8Fast(encoder.encode('\ufeff\ufeffé')), '\ufeffé');
    assert.equal(decodeUtf8Fast(encoder.encode('a\ufeff')), 'a\ufeff');
    assert.equal(decodeUtf8Fast(new Uint8Array([0xef, 0xbb, 0xbf])), '');
  });

  it('refuses surrogates, overlong forms and cut sequences', () => {
    for (const bytes of [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xff]]) {
      assert.equal(decodeUtf8Fast(new Uint8Array(bytes)), undefined, bytes.join(' '));
    }
  });

  it('reads a two-megabyte sidecar in any script, and views into a larger buffer', () => {
    const text = 'id: "a1" 🙂 Zürich Καλημέρα 東京 مرحبا\n'.repeat(50_000);
    assert.equal(decodeUtf8Fast(encoder.encode(text)), text);
    const padded = encoder.encode(`xx${text}yy`);
    assert.equal(decodeUtf8Fast(padded.subarray(2, padded.length - 2)), text);
  });
});
