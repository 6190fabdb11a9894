import assert from 'node:assert/strict';
import fc from 'fast-check';
import { trimSpan, whitespaceEdges } from '../../../src/core/editing/trimSpan';
import { CodePointIndex } from '../../../src/core/text/codePoints';

/** Python-style slicing by code points, independent of the code under test. */
function slice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

describe('trimSpan', () => {
  it('drops the spaces around a selected name and keeps code-point offsets', () => {
    const text = 'Talks in Beijing on Monday.';
    const span = trimSpan(new CodePointIndex(text), { start: 8, end: 17 });
    assert.deepEqual(span, { start: 9, end: 16 });
    assert.equal(slice(text, 9, 16), 'Beijing');
  });

  it('counts code points after emoji and trims line breaks, tabs and no-break spaces', () => {
    const text = '🇨🇳🤝 \u00a0\t杭州\n';
    const span = trimSpan(new CodePointIndex(text), { start: 0, end: Array.from(text).length });
    assert.ok(span);
    assert.equal(slice(text, span.start, span.end), '🇨🇳🤝 \u00a0\t杭州');
    const inner = trimSpan(new CodePointIndex(text), { start: 3, end: Array.from(text).length });
    assert.ok(inner);
    assert.equal(slice(text, inner.start, inner.end), '杭州');
  });

  it('gives nothing for a selection of only white space', () => {
    assert.equal(trimSpan(new CodePointIndex('a  \n b'), { start: 1, end: 5 }), undefined);
    assert.equal(trimSpan(new CodePointIndex('ab'), { start: 1, end: 1 }), undefined);
  });

  it('property: the trimmed span is inside the selection, holds its text without outer white space, and is stable', () => {
    // Every kind of white space `\s` knows, and characters just beside those ranges.
    const character = fc.constantFrom('a', 'é', ' ', '\n', '\t', '\v', '\f', '\r', '\u00a0', '😀', '杭', 'ب', '\u3000', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\ufeff', '\u0085', '\u001f', '\u180e');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 30 }), fc.nat(), fc.nat(), (characters, first, second) => {
        const text = characters.join('');
        const length = characters.length;
        const start = length === 0 ? 0 : first % (length + 1);
        const end = start + (length === 0 ? 0 : second % (length - start + 1));
        const index = new CodePointIndex(text);
        const selected = slice(text, start, end);
        const span = trimSpan(index, { start, end });
        if (selected.trim() === '') return span === undefined;
        assert.ok(span);
        assert.ok(start <= span.start && span.start < span.end && span.end <= end);
        assert.equal(slice(text, span.start, span.end), selected.trim());
        assert.deepEqual(trimSpan(index, span), span);
        return true;
      }),
    );
  });
});

describe('whitespaceEdges', () => {
  it('counts leading and trailing white space in code points', () => {
    assert.deepEqual(whitespaceEdges(' Beijing '), { leading: 1, trailing: 1, blank: false });
    assert.deepEqual(whitespaceEdges('Beijing'), { leading: 0, trailing: 0, blank: false });
    assert.deepEqual(whitespaceEdges(' \n'), { leading: 2, trailing: 0, blank: true });
  });

  it('property: agrees with String.prototype.trim on any text, whatever its first and last characters', () => {
    const codePoints = (text: string) => Array.from(text).length;
    const character = fc.constantFrom('a', ' ', '\t', '\v', '\u00a0', '\u0085', '\u180e', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '😀', '\ud83d', '\ude00');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 12 }), (characters) => {
        const text = characters.join('');
        const blank = text.trim() === '';
        const expected = blank ? { leading: codePoints(text), trailing: 0, blank } : { leading: codePoints(text) - codePoints(text.trimStart()), trailing: codePoints(text) - codePoints(text.trimEnd()), blank };
        assert.deepEqual({ ...whitespaceEdges(text) }, expected);
      }),
    );
  });
});
