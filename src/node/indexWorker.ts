/**
 * A worker thread of the extension's cold start (readIndexInWorkers.ts): reads each run of files
 * it is sent and answers with their index records, laid out as the index keeps them (packedRun.ts).
 */
import { workerData } from 'node:worker_threads';
import { packRun } from '../core/index/packedRun';
import { readIndexEntrySync } from './readIndexEntry';
import type { IndexTask } from './readIndexInWorkers';
import { serveRuns } from './shareRuns';

const task = workerData as IndexTask;
const options = { checkText: task.checkText, ...(task.knownTypes === undefined ? {} : { knownTypes: new Set(task.knownTypes) }) };

serveRuns(
  () => Promise.resolve(task.root),
  (root, files: readonly string[]) => Promise.resolve(packRun(files.map((path) => ({ path, entry: readIndexEntrySync(root, path, options) })))),
);
