import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FileCounts } from '../../../src/core/index/fileCounts';

const step = fc.record({ add: fc.boolean(), file: fc.nat(40), count: fc.integer({ min: 1, max: 5 }) });

describe('FileCounts (an entity\'s mentions per file)', () => {
  it('answers like a map of file to count, and reports files appearing and disappearing, whatever the order of adds and removals (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const counts = new FileCounts();
        const model = new Map<number, number>();
        for (const { add, file, count } of steps) {
          const before = model.get(file) ?? 0;
          if (add) {
            assert.equal(counts.add(file, count), before === 0, `add ${count} to file ${file}`);
            model.set(file, before + count);
          } else {
            const left = before - count;
            assert.equal(counts.subtract(file, count), left <= 0, `take ${count} from file ${file}`);
            if (left > 0) model.set(file, left);
            else model.delete(file);
          }
          assert.equal(counts.size, model.size);
          for (let probe = 0; probe <= 40; probe++) assert.equal(counts.get(probe), model.get(probe), `file ${probe}`);
          assert.deepEqual(counts.fileIds(), [...model.keys()].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands out a copy of its files, so sorting it for the Tags view changes nothing inside', () => {
    const counts = new FileCounts();
    counts.add(3, 1);
    counts.add(7, 2);
    counts.fileIds().reverse();
    assert.deepEqual(counts.fileIds(), [3, 7]);
    assert.equal(counts.get(7), 2);
  });
});
