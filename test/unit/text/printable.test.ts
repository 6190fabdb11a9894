import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isPrintable, printable } from '../../../src/core/text/printable';

describe('printable', () => {
  it('writes escape sequences, line breaks and tabs as visible escapes', () => {
    assert.equal(printable('\u001b[2J\u001b[32mAll good\u001b[0m'), '\\x1b[2J\\x1b[32mAll good\\x1b[0m');
    assert.equal(printable('a\nb\r\nc\td'), 'a\\nb\\r\\nc\\td');
    assert.equal(printable('\u009b31m\u007f'), '\\x9b31m\\x7f');
  });

  it('escapes bidirectional overrides and isolates, separators and lone surrogates', () => {
    assert.equal(printable('abc\u202edcba\u2066x\u2069'), 'abc\\u202edcba\\u2066x\\u2069');
    assert.equal(printable('a\u2028b\u2029c'), 'a\\u2028b\\u2029c');
    assert.equal(printable('\ud83d!'), '\\ud83d!');
  });

  it('leaves ordinary text alone: accents, CJK, RTL letters, emoji', () => {
    for (const text of ['Bogotá', '東京', 'مرحبا', '👩‍👩‍👧 🇨🇴', 'C:\\corpus\\a.txt']) assert.equal(printable(text), text);
  });

  it('never leaves a control character, and is printable itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = printable(text);
        // eslint-disable-next-line no-control-regex
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(shown));
        assert.ok(isPrintable(shown));
        assert.equal(isPrintable(text), shown === text);
      }),
    );
  });
});
