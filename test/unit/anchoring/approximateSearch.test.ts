import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestPrefix, editDistances, toCodePoints } from '../../../src/core/anchoring/approximateSearch';
import { anyText, trickyText } from '../text/mixedText';

/** Textbook dynamic programme: row 0 is 0 everywhere (free start) or j (anchored start). */
function naiveDistances(pattern: number[], text: number[], from: number, to: number, anchored: boolean): number[] {
  let previous = Array.from({ length: to - from + 1 }, (_, j) => (anchored ? j : 0));
  for (let row = 1; row <= pattern.length; row++) {
    const current = [row];
    for (let j = 1; j <= to - from; j++) {
      const substitution = previous[j - 1] + (pattern[row - 1] === text[from + j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j] + 1, current[j - 1] + 1));
    }
    previous = current;
  }
  return previous;
}

// A small alphabet makes near-matches common; lengths past 32 and 64 cross block boundaries.
const symbols = (maxLength: number) => fc.array(fc.integer({ min: 0, max: 3 }), { maxLength });

describe('approximateSearch', () => {
  it('computes the same edit distances as the textbook algorithm, searching or anchored', () => {
    fc.assert(
      fc.property(symbols(100), symbols(160), fc.nat(), fc.nat(), fc.boolean(), (pattern, text, first, second, anchored) => {
        const from = first % (text.length + 1);
        const to = from + (second % (text.length - from + 1));
        assert.deepEqual(Array.from(editDistances(pattern, text, from, to, anchored)), naiveDistances(pattern, text, from, to, anchored));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a pattern with one substitution at one error, with long patterns too', () => {
    const pattern = toCodePoints('Barack Obama met Angela Merkel in Berlin on Monday');
    const text = toCodePoints('xx Barack Obama met Angela Merkel in Berlin on Mondey yy');
    const distances = editDistances(pattern, text, 0, text.length, false);
    assert.equal(Math.min(...distances), 1);
    assert.equal(distances.indexOf(1), 3 + pattern.length);
  });

  it('picks the prefix length closest to the preferred one among equal distances', () => {
    const pattern = toCodePoints('abc');
    assert.deepEqual(closestPrefix(pattern, toCodePoints('abcx'), 3), { length: 3, errors: 0 });
    // 'abx' and 'abxc' are both one edit away from 'abc': the preference decides.
    assert.deepEqual(closestPrefix(pattern, toCodePoints('abxc'), 3), { length: 3, errors: 1 });
    assert.deepEqual(closestPrefix(pattern, toCodePoints('abxc'), 4), { length: 4, errors: 1 });
    assert.deepEqual(closestPrefix(pattern, toCodePoints(''), 3), { length: 0, errors: 3 });
  });

  it('reads code points like Array.from', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText(), anyText(30)), (text) => {
        const expected = Array.from(text, (character) => character.codePointAt(0) ?? -1);
        assert.deepEqual(Array.from(toCodePoints(text)), expected);
      }),
    );
  });
});
