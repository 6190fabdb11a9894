/**
 * A worker thread of `suggest` (suggestInWorkers.ts): builds its matcher from the names it is
 * given, says it is ready, then suggests in each run of files it is sent (writing as the main
 * thread does) and posts the outcome, until told there are no more.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NameMatcher } from '../core/suggest/nameMatcher';
import { suggestFiles } from '../workspace/suggestCorpus';
import { openCorpusWorkspace } from './openCorpus';
import type { SuggestTask, SuggestWorkerMessage, SuggestWorkerRequest } from './suggestInWorkers';

const port = parentPort;
if (port !== null) {
  const task = workerData as SuggestTask;
  const post = (message: SuggestWorkerMessage) => port.postMessage(message);
  const failed = (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  const options = { ...(task.types === undefined ? {} : { types: new Set(task.types) }), dryRun: task.dryRun, label: 'Suggest' };
  openCorpusWorkspace(task.root, task.config).then((workspace) => {
    const matcher = new NameMatcher(task.entries, { ignoreCase: task.ignoreCase });
    port.on('message', (request: SuggestWorkerRequest) => {
      if (request.kind === 'end') return port.close();
      suggestFiles(workspace, request.files, matcher, options).then((outcome) => post({ kind: 'done', outcome }), failed);
    });
    post({ kind: 'ready' });
  }, failed);
}
