import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, lineOf } from '../../../src/core/index/lineOf';

/**
 * Reference: split the code points before the offset on LF, CRLF and lone CR; an offset between
 * the CR and LF of one line ending is still on the line that ending closes.
 */
function referenceLine(text: string, offset: number): number {
  const points = [...text];
  let before = points.slice(0, offset).join('');
  if (before.endsWith('\r') && points[offset] === '\n') before = before.slice(0, -1);
  return before.split(/\r\n|\r|\n/).length;
}

describe('lineOf', () => {
  it('counts LF, CRLF and lone CR once each, in code points', () => {
    const text = 'one\r\ntwo\rthree\n😀 four';
    assert.equal(lineOf(text, 0), 1);
    assert.equal(lineOf(text, 4), 1, 'between CR and LF is still the first line');
    assert.equal(lineOf(text, 5), 2);
    assert.equal(lineOf(text, 9), 3);
    assert.equal(lineOf(text, 16), 4);
    assert.equal(lineOf(text, 1000), 4);
    assert.equal(new LineIndex(text).lineCount, 4);
  });

  it('agrees with a reference and with LineIndex on any text', () => {
    const piece = fc.constantFrom('a', '\n', '\r', '\r\n', '😀', 'é', 'e\u0301', '\u2028');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat({ max: 40 }), (pieces, offset) => {
        const text = pieces.join('');
        const expected = referenceLine(text, offset);
        assert.equal(lineOf(text, offset), expected);
        assert.equal(new LineIndex(text).lineOf(offset), expected);
      }),
    );
  });
});
