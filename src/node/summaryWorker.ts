/**
 * A worker thread of `stats` and `validate` (summariseInWorkers.ts): reads and summarises its
 * share of the corpus files, posting progress and then the summaries (plain data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCorpusStore } from './openCorpus';
import { summariseFiles } from './summariseFiles';
import type { SummaryTask, SummaryWorkerMessage } from './summariseInWorkers';

const port = parentPort;
if (port !== null) {
  const task = workerData as SummaryTask;
  const post = (message: SummaryWorkerMessage) => port.postMessage(message);
  let reported = 0;
  const onProgress = (done: number, total: number) => {
    // Every file would be thousands of messages; every 64th (and the last) is enough for a bar.
    if (done - reported < 64 && done < total) return;
    reported = done;
    post({ kind: 'progress', done, total });
  };
  openCorpusStore(task.root, task.config)
    .then((store) => summariseFiles(store, task.files, onProgress))
    .then(
      (summaries) => post({ kind: 'done', summaries }),
      (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
}
