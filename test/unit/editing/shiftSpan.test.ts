import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shiftSpan, type TextChange } from '../../../src/core/editing/shiftSpan';

/** Applies a change to an array of code points, as an editor would to the text. */
function applyToText(codePoints: string[], change: TextChange, inserted: string[]): string[] {
  return [...codePoints.slice(0, change.start), ...inserted, ...codePoints.slice(change.end)];
}

describe('shiftSpan', () => {
  const span = { start: 10, end: 15 };

  it('moves a span when text is inserted or deleted before it', () => {
    assert.deepEqual(shiftSpan(span, { start: 2, end: 2, insertedLength: 3 }), { start: 13, end: 18, outcome: 'shifted' });
    assert.deepEqual(shiftSpan(span, { start: 2, end: 6, insertedLength: 0 }), { start: 6, end: 11, outcome: 'shifted' });
  });

  it('does not grow a span when typing right before or right after it', () => {
    assert.deepEqual(shiftSpan(span, { start: 10, end: 10, insertedLength: 2 }), { start: 12, end: 17, outcome: 'shifted' });
    assert.deepEqual(shiftSpan(span, { start: 15, end: 15, insertedLength: 2 }), { start: 10, end: 15, outcome: 'unchanged' });
  });

  it('resizes a span edited inside, and reports a span whose text was wholly deleted', () => {
    assert.deepEqual(shiftSpan(span, { start: 12, end: 13, insertedLength: 4 }), { start: 10, end: 18, outcome: 'resized' });
    assert.equal(shiftSpan(span, { start: 10, end: 15, insertedLength: 0 }).outcome, 'deleted');
    assert.equal(shiftSpan(span, { start: 8, end: 20, insertedLength: 1 }).outcome, 'deleted');
  });

  it('clips a span when an edit cuts across one edge', () => {
    assert.deepEqual(shiftSpan(span, { start: 8, end: 12, insertedLength: 1 }), { start: 9, end: 12, outcome: 'clipped' });
    assert.deepEqual(shiftSpan(span, { start: 13, end: 18, insertedLength: 5 }), { start: 10, end: 13, outcome: 'clipped' });
  });

  it('keeps the same text under the span after any edit outside it (property)', () => {
    const character = fc.constantFrom('a', 'é', 'e\u0301', '😀', '🇨🇴', '𠮷', '\r\n', ' ', 'ش', '杭');
    fc.assert(
      fc.property(
        fc.array(character, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.array(character, { maxLength: 5 }),
        (pieces, a, b, c, d, insertedPieces) => {
          const text = Array.from(pieces.join(''));
          const inserted = Array.from(insertedPieces.join(''));
          const [spanStart, spanEnd] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          const [changeStart, changeEnd] = [c % (text.length + 1), d % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          fc.pre(spanEnd > spanStart);
          // Only edits wholly before the span or at/after its end.
          fc.pre(changeEnd <= spanStart || changeStart >= spanEnd);
          const change = { start: changeStart, end: changeEnd, insertedLength: inserted.length };
          const shifted = shiftSpan({ start: spanStart, end: spanEnd }, change);
          const after = applyToText(text, change, inserted);
          assert.equal(after.slice(shifted.start, shifted.end).join(''), text.slice(spanStart, spanEnd).join(''));
        },
      ),
      { numRuns: 500 },
    );
  });
});
