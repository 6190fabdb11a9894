/**
 * The spans-only read (what `suggest` reads of every sidecar) against the full readers: on
 * canonical files, damaged ones and single lines, it must answer exactly when the reader's fast
 * path takes the file, with the same spans, and the full parse must then agree too.
 */
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readCanonical } from '../../../src/core/sidecar/fastPath';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { readCanonicalEntry, readEntryByFields } from '../../../src/core/sidecar/readCanonicalEntry';
import { readCanonicalSpans, readEntrySpan, spansOfCanonical, type Span } from '../../../src/core/sidecar/readSpans';
import { entryIndent, serializeAnnotation, serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { awkwardString, sidecarArbitrary } from './sidecarTestSupport';

/** Annotations with only the fields the quick line check reads (the others go to the reader). */
const plainAnnotation: fc.Arbitrary<Annotation> = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a1', 'b2', 'c3'), awkwardString(1)),
    type: fc.oneof(fc.constantFrom('PERSON', 'ORG', 'LOCATION'), awkwardString(1)),
    start: fc.nat({ max: 2_000 }),
    end: fc.nat({ max: 2_000 }),
    text: awkwardString(),
    note: awkwardString(),
    annotator: fc.constantFrom('ana', 'bo', ''),
    created: fc.constantFrom('2026-11-24T20:00:00Z', 'yesterday'),
    prefix: awkwardString(),
    suffix: awkwardString(),
  },
  { requiredKeys: ['id', 'type', 'start', 'end', 'text'], noNullPrototype: true },
);

const sidecarWithPlainEntries: fc.Arbitrary<Sidecar> = fc
  .tuple(sidecarArbitrary, fc.array(plainAnnotation, { maxLength: 12 }), fc.boolean())
  .map(([sidecar, plain, only]) => ({ ...sidecar, annotations: only ? plain : [...sidecar.annotations, ...plain] }));

/** One damage to a file or a line: a character changed, inserted or dropped, or two lines swapped. */
const damage = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete', 'swap', 'number'),
  at: fc.nat(),
  other: fc.nat(),
  character: fc.constantFrom('"', '\\', '\n', '\r', ' ', ',', '{', '}', ':', '0', '7', 'u', 'n', 'a', '\u2028', '\ud800', '\udc00', '😀', '\u0001', '<<<<<<<', '- '),
});

function damaged(content: string, { kind, at, other, character }: { kind: string; at: number; other: number; character: string }): string {
  const where = content.length === 0 ? 0 : at % content.length;
  if (kind === 'replace') return content.slice(0, where) + character + content.slice(where + 1);
  if (kind === 'insert') return content.slice(0, where) + character + content.slice(where);
  if (kind === 'delete') return content.slice(0, where) + content.slice(where + 1);
  if (kind === 'number') {
    // A number written another way: a leading zero, a sign, a fraction, an exponent.
    const numbers = [...content.matchAll(/: (\d)/g)];
    if (numbers.length === 0) return content;
    const found = numbers[at % numbers.length].index + 2;
    return content.slice(0, found) + ['0', '-', '+', '.5', 'e1', '0x'][other % 6] + content.slice(found);
  }
  const lines = content.split('\n');
  const left = at % lines.length;
  const right = other % lines.length;
  [lines[left], lines[right]] = [lines[right], lines[left]];
  return lines.join('\n');
}

const span = ({ type, start, end }: Span): Span => ({ type, start, end });

/** The spans-only read agrees with the reader's fast path and with the full parse. */
function assertAgrees(content: string): void {
  const spans = readCanonicalSpans(content, 'file.ann.yaml');
  assert.equal(spans !== undefined, readCanonical(content, 'file.ann.yaml') !== undefined, 'answers exactly when the fast path takes the file');
  if (spans === undefined) return;
  assert.deepEqual(spans, spansOfCanonical(content, 'file.ann.yaml'));
  const parsed = parseSidecar(content, 'file.ann.yaml');
  assert.ok(parsed.ok && parsed.writable, 'a file the quick read takes is one the store reads and writes');
  assert.deepEqual(spans, { annotations: parsed.sidecar.annotations.map(span), suggestions: (parsed.sidecar.suggestions ?? []).map(span) });
}

describe('readCanonicalSpans: the spans of a sidecar without the full read', () => {
  it('gives the spans the full reader gives, for canonical files in LF and CRLF (property)', () => {
    fc.assert(
      fc.property(sidecarWithPlainEntries, fc.constantFrom('lf' as const, 'crlf' as const), (sidecar, lineEnding) => {
        const content = serializeSidecar(sidecar, lineEnding);
        assert.ok(readCanonicalSpans(content, 'file.ann.yaml') !== undefined, 'a canonical file is read quickly');
        assertAgrees(content);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers for a damaged file the fast path refuses, nor differently where it takes it (property)', () => {
    fc.assert(
      fc.property(sidecarWithPlainEntries, fc.array(damage, { minLength: 1, maxLength: 3 }), (sidecar, damages) => {
        assertAgrees(damages.reduce(damaged, serializeSidecar(sidecar)));
      }),
      { numRuns: 1_000 },
    );
  });

  it('takes an annotation line only when the canonical entry reader takes it, with its type and offsets (property)', () => {
    fc.assert(
      fc.property(plainAnnotation, fc.array(damage, { maxLength: 2 }), (annotation, damages) => {
        const line = damages.reduce(damaged, entryIndent + serializeAnnotation(annotation));
        const quick = readEntrySpan(line);
        const full = readCanonicalEntry(line);
        // The reader's regular expression and its field-by-field checks agree on every line.
        assert.deepEqual(full, readEntryByFields(line), JSON.stringify(line));
        if (damages.length === 0) assert.ok(full !== undefined);
        if (quick !== undefined) {
          assert.ok(full !== undefined, `taken quickly but not by the reader: ${JSON.stringify(line)}`);
          assert.deepEqual(quick, span(full));
        }
      }),
      { numRuns: 3_000 },
    );
  });
});
