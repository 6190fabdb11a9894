/**
 * A worker thread of `stats` and `validate` (summariseInWorkers.ts): opens the corpus as the main
 * thread did, then reads and summarises each run of files it is sent (plain data back).
 */
import { workerData } from 'node:worker_threads';
import { openCorpusStore } from './openCorpus';
import { serveRuns } from './shareRuns';
import type { SummaryTask } from './summariseInWorkers';
import { summariseFiles } from './summariseFiles';

const task = workerData as SummaryTask;
serveRuns((): ReturnType<typeof openCorpusStore> => openCorpusStore(task.root, task.config, task.listedRegular), (store, files: readonly string[]) => summariseFiles(store, files));
