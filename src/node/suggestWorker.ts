/**
 * A worker thread of `suggest` (suggestInWorkers.ts): suggests the names it is given over its
 * share of the corpus files, writing as the main thread does, posting progress and then the
 * outcome (plain data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { suggestCorpus } from '../workspace/suggestCorpus';
import { openCorpusWorkspace } from './openCorpus';
import type { SuggestTask, SuggestWorkerMessage } from './suggestInWorkers';

const port = parentPort;
if (port !== null) {
  const task = workerData as SuggestTask;
  const post = (message: SuggestWorkerMessage) => port.postMessage(message);
  let reported = { done: 0, total: 0 };
  const report = (done: number, total: number) => {
    // Every file would be thousands of messages; every 64th, a new phase and the last are enough.
    if (total === reported.total && done - reported.done < 64 && done < total) return;
    reported = { done, total };
    post({ kind: 'progress', done, total });
  };
  openCorpusWorkspace(task.root, task.config)
    .then((workspace) =>
      suggestCorpus(workspace, task.files, {
        entries: task.entries,
        ignoreCase: task.ignoreCase,
        ...(task.types === undefined ? {} : { types: new Set(task.types) }),
        knownTypes: new Set(task.knownTypes),
        dryRun: task.dryRun,
        label: 'Suggest',
        progress: { report, isCancelled: () => false },
      }),
    )
    .then(
      (outcome) => post({ kind: 'done', outcome }),
      (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
}
