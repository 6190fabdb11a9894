/**
 * Runs mocha inside VS Code's web worker extension host. The launcher (scripts/test-web.mjs)
 * reads the lines printed here from the workbench page's console: the host kind first, the
 * reporter's lines, then one total.
 */
import 'mocha/mocha.js';

/** What the worker's global says about where the suite runs. */
export function hostKind(): { noProcess: boolean; global: string } {
  return { noProcess: typeof process === 'undefined', global: (globalThis as object).constructor.name };
}

/**
 * Prints the host kind, registers the tests `load` imports, runs them and rejects when one fails
 * or when this is not a web worker (the setting that forces the extension there did not work).
 */
export async function runInWorker(load: () => Promise<unknown>): Promise<void> {
  const kind = hostKind();
  const inWorker = kind.noProcess && /WorkerGlobalScope$/.test(kind.global);
  console.log(`web suite host: typeof process === 'undefined' is ${kind.noProcess}, global is ${kind.global}`);
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  await load();
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // The launcher reads this line for the totals of the web run.
  console.log(`web worker suite: ${passes} passed, ${failures} failed, in a web worker: ${inWorker}`);
  if (!inWorker) throw new Error(`the suite ran in ${kind.global}, not in a web worker`);
  if (failures > 0) throw new Error(`${failures} web test(s) failed`);
}
