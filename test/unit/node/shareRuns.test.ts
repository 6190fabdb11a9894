import fc from 'fast-check';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { runSize, shareRuns } from '../../../src/node/shareRuns';

// A worker answering through serveRuns: doubles each number, and fails on `failAt` (on any run: 'any').
const workerCode = `
const { workerData } = require('node:worker_threads');
const { serveRuns } = require(workerData.module);
serveRuns(async () => workerData.failAt, async (failAt, items) => {
  if (failAt === 'any' || items.includes(failAt)) throw new Error('cannot double ' + (failAt === 'any' ? items[0] : failAt));
  return items.map((item) => item * 2);
});
`;

function startWorker(failAt: number | 'any' = -1): Worker {
  return new Worker(workerCode, { eval: true, workerData: { module: require.resolve('../../../src/node/shareRuns'), failAt } });
}

/** Every outcome placed at its run's start, as stats places its summaries. */
async function doubled(count: number, threads: number, options: { own?: boolean; ownRunSize?: number; failAt?: number; cancelAfter?: number } = {}) {
  const items = Array.from({ length: count }, (_, index) => index);
  const results = new Array<number | undefined>(count).fill(undefined);
  let runs = 0;
  let ownLongest = 0;
  const failed = await shareRuns<number, number[]>({
    items,
    threads,
    startWorker: () => startWorker(options.failAt),
    own:
      options.own === false
        ? undefined
        : (run) => {
            ownLongest = Math.max(ownLongest, run.length);
            return Promise.resolve(run.map((item) => item * 2));
          },
    ...(options.ownRunSize === undefined ? {} : { ownRunSize: options.ownRunSize }),
    finished: (outcome, run, start) => {
      runs++;
      assert.equal(outcome.length, run.length);
      outcome.forEach((value, index) => {
        assert.equal(results[start + index], undefined, `item ${start + index} done twice`);
        results[start + index] = value;
      });
    },
    isCancelled: () => options.cancelAfter !== undefined && runs >= options.cancelAfter,
  });
  return { failed, results, runs, ownLongest };
}

describe('shareRuns: work over this thread and worker threads', function () {
  this.timeout(30_000);

  it('run lengths never pass what is left, shrink towards the end, and stay between 1 and 250', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 64 }), (left, threads) => {
        const size = runSize(left, threads);
        assert.ok(size >= 1 && size <= Math.min(left, 250), `${size} of ${left}`);
        assert.ok(runSize(Math.max(1, Math.floor(left / 2)), threads) <= size);
      }),
    );
  });

  it('does every item exactly once, with this thread or with workers alone', async () => {
    for (const [count, threads, own] of [[1, 2, true], [1000, 2, true], [1000, 3, false], [37, 4, false]] as const) {
      const { failed, results } = await doubled(count, threads, { own });
      assert.equal(failed, undefined);
      assert.deepEqual(results, Array.from({ length: count }, (_, index) => index * 2), `${count} items, ${threads} threads, this thread ${own ? 'too' : 'idle'}`);
    }
  });

  it('keeps the runs of this thread as short as asked, the workers taking longer ones', async () => {
    const { failed, results, ownLongest } = await doubled(5000, 2, { ownRunSize: 7 });
    assert.equal(failed, undefined);
    assert.deepEqual(results, Array.from({ length: 5000 }, (_, index) => index * 2));
    assert.ok(ownLongest >= 1 && ownLongest <= 7, `this thread's longest run: ${ownLongest}`);
  });

  it("returns a worker's failure instead of leaving its items out, and stops handing out runs", async () => {
    const { failed } = await doubled(1000, 2, { own: false, failAt: 500 });
    assert.match(failed?.error ?? '', /worker thread failed: .*cannot double 500/);
    // This thread too stops once a worker failed (it would otherwise do all 10,000).
    const items = Array.from({ length: 10_000 }, (_, index) => index);
    let own = 0;
    const result = await shareRuns<number, number[]>({
      items,
      threads: 2,
      startWorker: () => startWorker('any'),
      own: async (run) => {
        own += run.length;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return [...run];
      },
      finished: () => undefined,
    });
    assert.match(result?.error ?? '', /worker thread failed: .*cannot double \d+/);
    // A worker fails its first run within a few of this thread's; all 10,000 would take 800 ms.
    assert.ok(own < 7_500, `this thread did ${own} items, the failure notwithstanding`);
  });

  it('hands out no new runs once cancelled, and still ends every worker', async () => {
    const { failed, results, runs } = await doubled(10_000, 2, { own: false, cancelAfter: 3 });
    assert.equal(failed, undefined);
    // The worker may finish the one run it held beyond the third.
    assert.ok(runs >= 3 && runs <= 5, `${runs} runs`);
    assert.ok(results.filter((value) => value !== undefined).length < 10_000);
  });
});
