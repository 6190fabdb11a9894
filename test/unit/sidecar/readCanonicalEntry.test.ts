import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/model';
import { readCanonicalEntry } from '../../../src/core/sidecar/readCanonicalEntry';
import { entryIndent, serializeAnnotation } from '../../../src/core/sidecar/serializeSidecar';

// Any UTF-16 string: lone and paired surrogates, controls, quotes, backslashes, U+2028, U+FEFF...
const anyText = fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x22, 0x5c, 0x0a, 0x85, 0x2028, 0xfeff, 0xd83d, 0xde00, 0xffff)), { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const annotation = fc.record({
  id: anyText.filter((text) => text !== ''),
  type: anyText.filter((text) => text !== ''),
  start: fc.nat({ max: 999_999_999_999_999 }),
  end: fc.nat({ max: 999_999_999_999_999 }),
  text: anyText,
  prefix: fc.option(anyText, { nil: undefined }),
}).map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as Annotation);

describe('readCanonicalEntry (the fast reader of one entry line)', () => {
  it('reads back every line the writer writes, whatever the strings hold', () => {
    fc.assert(
      fc.property(annotation, (written) => {
        assert.deepEqual(readCanonicalEntry(entryIndent + serializeAnnotation(written)), written);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a string the writer would have escaped, and numbers it would not write', () => {
    for (const line of ['{id: "a", type: "T", start: 0, end: 1, text: "\u2028"}', '{id: "a", type: "T", start: 0, end: 1, text: "\ud800"}', '{id: "a", type: "T", start: 0, end: 1, text: "\\u0041"}', '{id: "a", type: "T", start: 01, end: 1, text: "x"}', '{id: "a", type: "T", start: 0, end: 1234567890123456, text: "x"}', '{id: "a", type: "T", start: 0, end: 1, text: "\u0085"}']) {
      assert.equal(readCanonicalEntry(entryIndent + line), undefined, line);
    }
    assert.deepEqual(readCanonicalEntry(entryIndent + '{id: "a", type: "T", start: 0, end: 2, text: "\ud83d\ude00"}'), { id: 'a', type: 'T', start: 0, end: 2, text: '\ud83d\ude00' });
  });
});
