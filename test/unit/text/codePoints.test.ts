import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodePointIndex, codePointLength } from '../../../src/core/text/codePoints';
import { anyText as anyCodePoints, splitPositions, trickyText } from './mixedText';

// Any code point, lone surrogate halves included, besides the hand-picked tricky pieces.
const anyText = fc.oneof(trickyText(), anyCodePoints());

describe('CodePointIndex', () => {
  it('round-trips toUtf16(toCodePoint(u)) at every position not inside a surrogate pair', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = new CodePointIndex(text);
        const split = new Set(splitPositions(text));
        for (let offset = 0; offset <= text.length; offset++) {
          if (!split.has(offset)) assert.equal(index.toUtf16(index.toCodePoint(offset)), offset);
        }
      }),
    );
  });

  it('round-trips toCodePoint(toUtf16(c)) for every code-point offset', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = new CodePointIndex(text);
        for (let offset = 0; offset <= index.codePointLength; offset++) {
          assert.equal(index.toCodePoint(index.toUtf16(offset)), offset);
        }
      }),
    );
  });

  it('rounds an offset inside a surrogate pair down to the start of the astral character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = new CodePointIndex(text);
        for (const offset of splitPositions(text)) {
          assert.equal(index.toCodePoint(offset), index.toCodePoint(offset - 1));
          assert.equal(index.toUtf16(index.toCodePoint(offset)), offset - 1);
        }
      }),
    );
    const index = new CodePointIndex('a\u{20BB7}b');
    assert.equal(index.toCodePoint(2), 1);
    assert.equal(index.toCodePoint(3), 2);
  });

  it('slices like Python: slice(start, end) equals the code points of Array.from(text)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, first, second) => {
        const points = Array.from(text);
        const index = new CodePointIndex(text);
        const start = first % (points.length + 1);
        const end = second % (points.length + 1);
        assert.equal(index.slice(start, end), points.slice(start, end).join(''));
      }),
    );
  });

  it('counts code points like Array.from, in the index and in codePointLength', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const length = Array.from(text).length;
        assert.equal(new CodePointIndex(text).codePointLength, length);
        assert.equal(codePointLength(text), length);
      }),
    );
    assert.equal(codePointLength('\u{1F1EB}\u{1F1F7}e\u0301\r\n\u{20BB7}'), 7);
  });

  it('clamps out-of-range, fractional and NaN offsets instead of returning garbage', () => {
    const index = new CodePointIndex('a\u{1F600}b');
    assert.equal(index.toUtf16(-5), 0);
    assert.equal(index.toUtf16(99), 4);
    assert.equal(index.toUtf16(2.7), 3);
    assert.equal(index.toUtf16(Number.NaN), 0);
    assert.equal(index.toCodePoint(Number.NaN), 0);
    assert.equal(index.toCodePoint(Number.POSITIVE_INFINITY), 3);
    assert.equal(index.slice(1, 2), '\u{1F600}');
    assert.equal(index.slice(2, 1), '');
  });

  it('edited(start, end, inserted) is the index of the edited text, pairs cut or made by the edit included', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.nat(), fc.nat(), (text, inserted, first, second) => {
        const start = first % (text.length + 1);
        const end = start + (second % (text.length - start + 1));
        const edited = new CodePointIndex(text).edited(start, end, inserted);
        const fresh = new CodePointIndex(text.slice(0, start) + inserted + text.slice(end));
        assert.equal(edited.text, fresh.text);
        assert.equal(edited.codePointLength, fresh.codePointLength);
        for (let offset = 0; offset <= fresh.utf16Length; offset++) assert.equal(edited.toCodePoint(offset), fresh.toCodePoint(offset), `toCodePoint(${offset})`);
        for (let offset = 0; offset <= fresh.codePointLength; offset++) assert.equal(edited.toUtf16(offset), fresh.toUtf16(offset), `toUtf16(${offset})`);
      }),
      { numRuns: 500 },
    );
  });

  it('edited many times over is the index of the text after every edit (property)', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(6), fc.oneof(anyText, fc.constantFrom('', '\ud83c', '\udf0d', '😀')));
    fc.assert(
      fc.property(anyText, fc.array(edit, { maxLength: 40 }), (text, edits) => {
        let index = new CodePointIndex(text);
        let expected = text;
        for (const [at, removed, inserted] of edits) {
          const start = at % (expected.length + 1);
          const end = Math.min(expected.length, start + removed);
          index = index.edited(start, end, inserted);
          expected = expected.slice(0, start) + inserted + expected.slice(end);
          assert.equal(index.utf16Length, expected.length);
        }
        const fresh = new CodePointIndex(expected);
        assert.equal(index.codePointLength, fresh.codePointLength);
        for (let offset = 0; offset <= fresh.codePointLength; offset++) assert.equal(index.toUtf16(offset), fresh.toUtf16(offset), `toUtf16(${offset})`);
        assert.equal(index.text, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('edited keeps an astral character whole when an edit joins its two halves', () => {
    // A lone high surrogate, then text, then a lone low one: deleting the text between makes a pair.
    const index = new CodePointIndex('a\ud83cxyz\udf0db').edited(2, 5, '');
    assert.equal(index.text, 'a\u{1f30d}b');
    assert.equal(index.codePointLength, 3);
    assert.equal(index.toUtf16(2), 3);
  });
});
