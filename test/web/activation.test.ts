import { api } from './support';
import { equal, ok } from './check';
import { report } from './runInWorker';

describe('Activation in the web worker', () => {
  it('activates the browser build and reports the time against the 100 ms target', async () => {
    const extension = await api();
    equal(extension.host, 'browser', 'the test API of the browser entry');
    const { activationMs } = extension;
    ok(Number.isFinite(activationMs) && activationMs >= 0, `activationMs is ${activationMs}`);
    // The launcher prints this figure in the run's summary line. Reported, not failed on: like
    // every speed target it is a figure (docs/performance.md), and a busy CI machine would make a
    // timed assertion fail for reasons that are not the code's.
    report(`web worker activation: ${activationMs.toFixed(1)} ms (target <= 100 ms: ${activationMs <= 100 ? 'meets' : 'MISSES'})`);
  });
});
