import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/model';
import { formatString } from '../../../src/core/sidecar/flowValue';
import { readCanonicalEntry, readEntryByFields } from '../../../src/core/sidecar/readCanonicalEntry';
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
        const line = entryIndent + serializeAnnotation(written);
        assert.deepEqual(readCanonicalEntry(line), written);
        // The line's regular expression takes most lines; the field-by-field checks must read every one the same.
        assert.deepEqual(readEntryByFields(line), written);
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

  it('takes an escaped string exactly when the writer would write it that way', () => {
    // Escapes canonical or not (uppercase hex, `\/`, an escaped letter, surrogates alone and in
    // pairs), raw characters the writer escapes and ones it leaves alone; JSON's reading plus
    // writing again is the reference.
    const piece = fc.oneof(
      fc.constantFrom('\\n', '\\"', '\\\\', '\\/', '\\t', '\\b', '\\f', '\\r', '\\u000a', '\\u0009', '\\u000d', '\\u0001', '\\u001F', '\\u001f', '\\u0085', '\\u0041', '\\u00e9', '\\ud83d', '\\ude00', '\\uD83D', '\\u2028', '\\ufeff', '\\uffff', '\\x', '\\u12', '\\'),
      fc.constantFrom('a', 'é', '\u0085', '\u2028', '\ud83d', '\ude00', '\ud83d\ude00', '\u0001', '\t', '中'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const quoted = `"${pieces.join('')}"`;
        let expected: Annotation | undefined;
        try {
          const value = JSON.parse(quoted) as string;
          if (formatString(value) === quoted) expected = { id: 'a', type: 'T', start: 0, end: 1, text: value };
        } catch {
          expected = undefined;
        }
        const line = `${entryIndent}{id: "a", type: "T", start: 0, end: 1, text: ${quoted}}`;
        assert.deepEqual(readCanonicalEntry(line), expected, quoted);
        assert.deepEqual(readEntryByFields(line), expected, quoted);
      }),
      { numRuns: 5000 },
    );
  });
});
