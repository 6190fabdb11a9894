import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/model';
import { compareAnnotations, sortAnnotations } from '../../../src/core/sidecar/serializeSidecar';

const annotation = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  type: fc.constantFrom('PERSON', 'ORG'),
  start: fc.nat({ max: 5 }),
  end: fc.nat({ max: 5 }),
  text: fc.constantFrom('x', 'y'),
  note: fc.option(fc.constantFrom('n', 'm'), { nil: undefined }),
}).map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as Annotation);

describe('sortAnnotations', () => {
  it('gives what a stable sort of the whole list gives, for a sorted file with entries appended (a new tag) and for any list', () => {
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 30 }), fc.array(annotation, { maxLength: 4 }), (file, appended) => {
        for (const list of [[...[...file].sort(compareAnnotations), ...appended], [...file, ...appended]]) {
          const sorted = sortAnnotations(list);
          assert.deepEqual(sorted, [...list].sort(compareAnnotations));
          // The very objects, in the order a stable sort puts equal entries.
          const stable = [...list].sort(compareAnnotations);
          sorted.forEach((item, index) => assert.equal(item, stable[index]));
        }
      }),
      { numRuns: 500 },
    );
  });
});
