import assert from 'node:assert/strict';
import fc from 'fast-check';
import { snippetAfter, snippetBefore, snippetContext } from '../../../src/core/index/fileRecord';

// The rule, spelled out by code points (a lone surrogate counts as one, as in Python).
const lineBreaks = new Set(['\n', '\r', '\u0085', '\u2028', '\u2029']);
function referenceBefore(prefix: string): string {
  const points = Array.from(prefix);
  let start = points.length;
  while (start > 0 && points.length - start < snippetContext && !lineBreaks.has(points[start - 1])) start--;
  return points.slice(start).join('');
}
function referenceAfter(suffix: string): string {
  const points = Array.from(suffix);
  let end = 0;
  while (end < points.length && end < snippetContext && !lineBreaks.has(points[end])) end++;
  return points.slice(0, end).join('');
}

// Mostly plain letters, with now and then a line break, an emoji or a lone surrogate.
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'é', ' ', '北') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\u0085', '\u2028', '\u2029', '😀', '\ud800', '\udc00') },
);
// Lengths up to 40 spread evenly ('max'): contexts longer than the snippet must be common.
const context = fc.array(piece, { maxLength: 40, size: 'max' }).map((pieces) => pieces.join(''));

describe("a mention's snippet: up to 24 code points of context on its own line", () => {
  it('is what the rule by code points gives, before and after the mention', () => {
    fc.assert(
      fc.property(context, (text) => {
        assert.equal(snippetBefore(text), referenceBefore(text));
        assert.equal(snippetAfter(text), referenceAfter(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('stops at the line break and counts an emoji once', () => {
    assert.equal(snippetBefore('first line\nsecond'), 'second');
    assert.equal(snippetAfter(' then\r\nmore'), ' then');
    assert.equal(snippetBefore(`${'x'.repeat(30)}😀`), `${'x'.repeat(23)}😀`);
  });
});
