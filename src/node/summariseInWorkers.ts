/**
 * `stats` and `validate` over several threads: the files to read go out in short runs to
 * whichever thread is free, this one and each worker (summaryWorker.ts), see shareRuns.ts, and the
 * summaries are put back in the files' order. A summary depends on its file alone, so the result
 * is exactly the single-thread one. Reading, parsing and checking dominate a cold run and split
 * cleanly by file; the summaries that come back are small.
 *
 * Runs in this thread alone when one thread is wanted, when there are too few files to repay
 * starting workers (unless the count was asked for), or when the worker script is not beside
 * this module (a bundle built without it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProjectConfig } from '../core/project';
import type { SidecarStore } from '../core/store/sidecarStore';
import { defaultThreads } from './compareInWorkers';
import { shareRuns } from './shareRuns';
import { summariseFiles, type ReadSummary } from './summariseFiles';

export interface SummaryTask {
  /** The corpus root, as the main thread opened it (absolute). */
  root: string;
  /** The project configuration the main thread read (types and rules decide the problems). */
  config: ProjectConfig;
  /** What the main thread's listing saw as regular files (see syncReadingFileSystem.ts). */
  listedRegular: readonly string[];
}

/** Files each thread should have at least before more threads are started by default: a worker starts with nothing compiled. */
export const filesPerDefaultThread = 1_000;

/** The compiled worker: beside this module in out/ (tests) and beside cli.js in dist/ (the bundle). */
const workerScript = path.join(__dirname, 'summaryWorker.js');

export function summaryWorkerFound(): boolean {
  return existsSync(workerScript);
}

export interface SummariseOptions {
  /** Threads asked for (`--jobs`); undefined: one per core, when there are enough files. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  /** For tests: this thread reads no files, so the workers' work is what gets checked. */
  workersOnly?: boolean;
}

/** The summaries of `files`, in their order, read by this thread's `store` and by workers. */
export async function summariseInWorkers(corpus: { root: string; config: ProjectConfig; store: SidecarStore; listedRegular?: readonly string[] }, files: readonly string[], options: SummariseOptions = {}): Promise<ReadSummary[] | { error: string }> {
  const wanted = options.threads ?? Math.min(defaultThreads(), Math.floor(files.length / filesPerDefaultThread));
  const count = Math.max(1, Math.min(Math.floor(wanted), files.length));
  if (count === 1 || !summaryWorkerFound()) return summariseFiles(corpus.store, files, options.onProgress);
  const summaries = new Array<ReadSummary>(files.length);
  let done = 0;
  const task: SummaryTask = { root: corpus.root, config: corpus.config, listedRegular: corpus.listedRegular ?? [] };
  const failed = await shareRuns<string, ReadSummary[]>({
    items: files,
    threads: count,
    // As agree's workers: nearly all a reading thread allocates lives until its file is summarised;
    // a larger young generation means fewer scavenges.
    startWorker: () => new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } }),
    own: options.workersOnly === true ? undefined : (run) => summariseFiles(corpus.store, run),
    finished: (outcome, run, start) => {
      for (let index = 0; index < outcome.length; index++) summaries[start + index] = outcome[index];
      done += run.length;
      options.onProgress?.(done, files.length);
    },
  });
  return failed ?? summaries;
}
