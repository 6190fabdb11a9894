/**
 * A worker thread of `news-annotator agree` (compareInWorkers.ts): reads its part of every side
 * and compares it, posting progress and then the result (plain data) to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareCorpusSides } from './compareCorpusSides';
import type { WorkerMessage, WorkerTask } from './compareInWorkers';

const port = parentPort;
if (port !== null) {
  const task = workerData as WorkerTask;
  const post = (message: WorkerMessage) => port.postMessage(message);
  compareCorpusSides(task.specs, { cwd: task.cwd, root: task.root, shard: task.shard, onProgress: (side, done, total) => post({ kind: 'progress', side, done, total }) }).then(
    (result) => post({ kind: 'done', result }),
    (error: unknown) => post({ kind: 'done', result: { error: error instanceof Error ? (error.stack ?? error.message) : String(error) } }),
  );
}
