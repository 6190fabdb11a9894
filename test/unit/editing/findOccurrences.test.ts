import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findOccurrences } from '../../../src/core/editing/findOccurrences';

const exact = { wholeWord: false, caseSensitive: true };
const words = { wholeWord: true, caseSensitive: true };

/** Python-style slicing by code points, independent of the code under test. */
function slice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

describe('findOccurrences', () => {
  it('returns code-point offsets after emoji and flags', () => {
    const text = '🇨🇴🤝🇨🇳 Cartagena y Hangzhou: Cartagena 🌍';
    const spans = findOccurrences(text, 'Cartagena', exact);
    assert.deepEqual(spans, [
      { start: 6, end: 15 },
      { start: 28, end: 37 },
    ]);
    for (const span of spans) assert.equal(slice(text, span.start, span.end), 'Cartagena');
  });

  it('matches whole words only when asked', () => {
    const text = 'Ana met Anabel and ANA.';
    assert.deepEqual(findOccurrences(text, 'Ana', words), [{ start: 0, end: 3 }]);
    assert.equal(findOccurrences(text, 'Ana', exact).length, 2);
    assert.equal(findOccurrences(text, 'Ana', { wholeWord: true, caseSensitive: false }).length, 2);
  });

  it('treats a combining accent as part of the word', () => {
    const text = 'Bogota\u0301 y Bogota';
    assert.deepEqual(findOccurrences(text, 'Bogota', words), [{ start: 10, end: 16 }]);
  });

  it('finds Chinese names inside longer runs even in whole-word mode', () => {
    const text = '杭州市与卡塔赫纳结为友好城市，杭州';
    const spans = findOccurrences(text, '杭州', words);
    assert.equal(spans.length, 2);
    for (const span of spans) assert.equal(slice(text, span.start, span.end), '杭州');
  });

  it('finds nothing for an empty query', () => {
    assert.deepEqual(findOccurrences('abc', '', exact), []);
  });

  it('every span found slices back to the query (property)', () => {
    const piece = fc.constantFrom('Ana', ' ', 'x', '😀', '𠮷', '\r\n', 'é', 'ش');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('Ana', '😀', '𠮷x', 'é'), (pieces, query) => {
        const text = pieces.join('');
        for (const span of findOccurrences(text, query, exact)) assert.equal(slice(text, span.start, span.end), query);
        assert.equal(findOccurrences(text, query, exact).length, text.split(query).length - 1);
      }),
    );
  });
});
