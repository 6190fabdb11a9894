import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { serializeIndexCache } from '../../../src/core/index/indexCache';
import type { IndexAnnotation } from '../../../src/core/index/indexEntry';
import { adoptRun, packRun } from '../../../src/core/index/packedRun';
import { entry } from './indexTestSupport';

// Any UTF-16 text, lone surrogates included: a sidecar's escapes can make them, and the cache
// then stores the text as UTF-16 rather than UTF-8.
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const annotation: fc.Arbitrary<IndexAnnotation> = fc
  .record({
    id: anyText,
    type: fc.constantFrom('PERSON', 'ORG', 'LOCATION'),
    start: fc.nat(1000),
    length: fc.nat(20),
    text: fc.constantFrom('Ada', 'ada', 'Bogotá', '北京', 'x'),
    note: fc.option(anyText, { nil: undefined }),
    prefix: fc.option(anyText, { nil: undefined }),
    suffix: fc.option(anyText, { nil: undefined }),
  })
  .map(({ length, ...rest }) => ({ ...rest, end: rest.start + length }));
// Runs of files (in file order) as threads would read them.
const runs = fc.array(fc.array(fc.array(annotation, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });

describe('runs of files packed by another thread and adopted in file order', () => {
  it('give the index and cache bytes one thread builds, ids and snippets read back as they were', () => {
    fc.assert(
      fc.property(runs, (files) => {
        const one = new CorpusIndex();
        const adopted = new CorpusIndex();
        let number = 0;
        for (const run of files) {
          const entries = run.map((annotations) => ({ path: `file${String(number++).padStart(3, '0')}.txt`, entry: entry(annotations, { sidecarStamp: { size: 1, mtimeMs: number }, textStamp: null }) }));
          for (const { path, entry } of entries) one.setFile(path, entry);
          // Through structured cloning, as a worker's answer reaches this thread.
          adoptRun(adopted, structuredClone(packRun(entries)));
        }
        for (const path of one.paths()) {
          assert.deepEqual(adopted.annotations(path), one.annotations(path));
          const record = one.record(path)!;
          const adoptedRecord = adopted.record(path)!;
          for (let index = 0; index < record.count; index++) assert.deepEqual(adoptedRecord.context(index), record.context(index));
        }
        assert.deepEqual(serializeIndexCache(adopted, 'same'), serializeIndexCache(one, 'same'));
      }),
      { numRuns: 300 },
    );
  });
});
