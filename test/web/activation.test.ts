import { api } from './support';
import { equal, ok } from './check';
import { report } from './runInWorker';

describe('Activation in the web worker', () => {
  it('activates the browser build within the 100 ms target', async () => {
    const extension = await api();
    equal(extension.host, 'browser', 'the test API of the browser entry');
    const { activationMs } = extension;
    ok(Number.isFinite(activationMs) && activationMs >= 0, `activationMs is ${activationMs}`);
    // The launcher prints this figure in the run's summary line.
    report(`web worker activation: ${activationMs.toFixed(1)} ms`);
    ok(activationMs <= 100, `activation took ${activationMs.toFixed(1)} ms, over the 100 ms target`);
  });
});
