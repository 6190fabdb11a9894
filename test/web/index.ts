/**
 * Entry point of the web worker suite. scripts/buildWebTests.mjs bundles it for the browser;
 * scripts/test-web.mjs loads it into code-server's web worker extension host and awaits `run()`.
 */
import { runInWorker } from './runInWorker';

export function run(): Promise<void> {
  // Imported after mocha.setup() so that `describe` and `it` exist when the files run.
  return runInWorker(async () => {
    await import('./activation.test.js');
    await import('./views.test.js');
    await import('./tagging.test.js');
    await import('./exportValidate.test.js');
    await import('./hashing.test.js');
  });
}
