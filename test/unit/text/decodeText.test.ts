import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { decodeText, sha256Hex } from '../../../src/core/text/decodeText';
import { trickyText } from './mixedText';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('decodeText', () => {
  it('strips a BOM, flags it, and hashes the bytes with the BOM included', () => {
    const raw = withBom(utf8('Reuters\n'));
    const decoded = decodeText(raw);
    assert.equal(decoded.text, 'Reuters\n');
    assert.equal(decoded.bom, true);
    assert.equal(decoded.sha256, nodeSha256(raw));
    assert.notEqual(decoded.sha256, nodeSha256(utf8('Reuters\n')));
  });

  it('strips only one BOM, as Python utf-8-sig does', () => {
    const decoded = decodeText(withBom(withBom(utf8('x'))));
    assert.equal(decoded.text, '\ufeffx');
    assert.equal(decoded.bom, true);
  });

  it('reports no BOM for plain UTF-8 or a truncated BOM', () => {
    assert.equal(decodeText(utf8('abc')).bom, false);
    const truncated = decodeText(new Uint8Array([0xef, 0xbb]));
    assert.equal(truncated.bom, false);
    assert.equal(truncated.text, '\ufffd');
  });

  it('hashes like sha256sum (known vector) and like Node crypto for any bytes', () => {
    assert.equal(decodeText(utf8('abc')).sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        assert.equal(decodeText(bytes).sha256, nodeSha256(bytes));
        assert.match(sha256Hex(bytes), /^[0-9a-f]{64}$/);
      }),
    );
  });

  it('hashes strings as their UTF-8 bytes', () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        assert.equal(sha256Hex(text), nodeSha256(utf8(text)));
      }),
    );
  });

  it('detects the newline style', () => {
    const style = (text: string): string => decodeText(utf8(text)).newline;
    assert.equal(style('a\nb\n'), 'lf');
    assert.equal(style('a\r\nb\r\n'), 'crlf');
    assert.equal(style('a\r\nb\n'), 'mixed');
    assert.equal(style('a\nb\r\n'), 'mixed');
    assert.equal(style('a\rb'), 'mixed');
    assert.equal(style('a\r\nb\r'), 'mixed');
    assert.equal(style('no newline'), 'none');
    assert.equal(style(''), 'none');
    assert.equal(style('\n'), 'lf');
  });

  it('keeps line endings untouched', () => {
    assert.equal(decodeText(utf8('a\r\nb\rc\n')).text, 'a\r\nb\rc\n');
  });

  it('turns invalid UTF-8 into U+FFFD without throwing', () => {
    assert.equal(decodeText(new Uint8Array([0xff, 0x61, 0xc3])).text, '\ufffda\ufffd');
    // A UTF-8-encoded surrogate (CESU) is invalid too.
    assert.ok(decodeText(new Uint8Array([0xed, 0xa0, 0x80])).text.includes('\ufffd'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { text } = decodeText(bytes);
        assert.equal(typeof text, 'string');
        assert.ok(!loneSurrogate.test(text), 'no lone surrogates come out of the decoder');
      }),
    );
  });

  it('round-trips any well-formed text, with or without a BOM', () => {
    fc.assert(
      fc.property(trickyText(), fc.boolean(), (text, bom) => {
        const bytes = bom ? withBom(utf8(text)) : utf8(text);
        const decoded = decodeText(bytes);
        assert.equal(decoded.text, text);
        assert.equal(decoded.bom, bom);
      }),
    );
  });
});
