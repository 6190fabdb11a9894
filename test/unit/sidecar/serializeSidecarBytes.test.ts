import fc from 'fast-check';
import assert from 'node:assert/strict';
import { serializeSidecar, serializeSidecarBytes } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/model';
import { annotationArbitrary, sidecarArbitrary, suggestionArbitrary } from './sidecarTestSupport';

describe('serializeSidecarBytes', () => {
  it('writes exactly the UTF-8 bytes of serializeSidecar, in LF and CRLF, also when lines are reused (property)', () => {
    fc.assert(
      fc.property(sidecarArbitrary, fc.constantFrom('lf' as const, 'crlf' as const), (sidecar, lineEnding) => {
        const expected = new TextEncoder().encode(serializeSidecar(sidecar, lineEnding));
        assert.deepEqual(serializeSidecarBytes(sidecar, lineEnding), expected);
        // A second write reuses each entry's encoded line: still the same bytes.
        assert.deepEqual(serializeSidecarBytes({ ...sidecar, annotations: [...sidecar.annotations].reverse() }, lineEnding), expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('serializeSidecarBytes over a run of edits', () => {
  // Lines kept from one write are copied as runs into the next; entries removed, added and
  // changed between writes break the runs. Every write must still be byte for byte the text.
  const edit = fc.record({
    dropAnnotations: fc.array(fc.nat(), { maxLength: 3 }),
    dropSuggestions: fc.array(fc.nat(), { maxLength: 3 }),
    addAnnotations: fc.array(annotationArbitrary, { maxLength: 2 }),
    addSuggestions: fc.array(suggestionArbitrary, { maxLength: 2 }),
    changeSuggestion: fc.option(fc.nat(), { nil: undefined }),
  });
  const drop = <T>(entries: readonly T[], indexes: readonly number[]): T[] => {
    const gone = new Set(indexes.map((index) => index % Math.max(1, entries.length)));
    return entries.filter((_, index) => !gone.has(index));
  };

  it('writes the same bytes as serializeSidecar after every edit (property)', () => {
    const many = fc.record({
      annotations: fc.array(annotationArbitrary, { minLength: 0, maxLength: 12 }),
      suggestions: fc.array(suggestionArbitrary, { minLength: 0, maxLength: 12 }),
    });
    fc.assert(
      fc.property(sidecarArbitrary, many, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom('lf' as const, 'crlf' as const), (base, extra, edits, lineEnding) => {
        let sidecar: Sidecar = { ...base, annotations: [...base.annotations, ...extra.annotations], suggestions: [...(base.suggestions ?? []), ...extra.suggestions] };
        assert.deepEqual(serializeSidecarBytes(sidecar, lineEnding), new TextEncoder().encode(serializeSidecar(sidecar, lineEnding)));
        for (const step of edits) {
          let suggestions = [...drop(sidecar.suggestions ?? [], step.dropSuggestions), ...step.addSuggestions];
          if (step.changeSuggestion !== undefined && suggestions.length > 0) {
            const at = step.changeSuggestion % suggestions.length;
            suggestions = suggestions.map((suggestion, index) => (index === at ? { ...suggestion, rejected: true } : suggestion));
          }
          sidecar = { ...sidecar, annotations: [...drop(sidecar.annotations, step.dropAnnotations), ...step.addAnnotations], suggestions };
          assert.deepEqual(serializeSidecarBytes(sidecar, lineEnding), new TextEncoder().encode(serializeSidecar(sidecar, lineEnding)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
