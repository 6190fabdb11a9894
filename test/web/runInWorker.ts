/**
 * Runs mocha inside VS Code's web worker extension host. The launcher (scripts/test-web.mjs)
 * reads the lines printed here from the workbench's log: the host kind first, the reporter's
 * lines, then one total. Each starts with `suiteLineMark`, which tells them apart from the
 * workbench's own lines in the same log.
 */
import 'mocha/mocha.js';

const suiteLineMark = '[web suite] ';

/** Prints one line for the launcher. */
export function report(line: string): void {
  console.log(`${suiteLineMark}${line}`);
}

/** The reporter prints through Base.consoleLog (printf-style arguments): mark its lines too. */
function markReporterLines(): void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    if (typeof args[0] === 'string') original(`${suiteLineMark}${args[0]}`, ...args.slice(1));
    else original(suiteLineMark, ...args);
  };
}

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
  report(`web suite host: typeof process === 'undefined' is ${kind.noProcess}, global is ${kind.global}`);
  if (!inWorker) {
    // mocha's browser build cannot even start outside a worker or page (it reads `location`).
    report('web worker suite: 0 passed, 0 failed, in a web worker: false');
    throw new Error(`the suite ran in ${kind.global}, not in a web worker`);
  }
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  markReporterLines();
  await load();
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // The launcher reads this line for the totals of the web run.
  report(`web worker suite: ${passes} passed, ${failures} failed, in a web worker: true`);
  if (failures > 0) throw new Error(`${failures} web test(s) failed`);
}
