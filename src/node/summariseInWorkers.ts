/**
 * `stats` and `validate` over several threads: the files to read are dealt out in turn into one
 * part per thread, this thread and each worker (summaryWorker.ts) read and summarise their part,
 * and the summaries are put back in the files' order. A summary depends on its file alone, so the
 * result is exactly the single-thread one. Reading, parsing and checking dominate a cold run and
 * split cleanly by file; the summaries that come back are small.
 *
 * Runs in this thread alone when one thread is wanted, when there are too few files to repay
 * starting workers (unless the count was asked for), or when the worker script is not beside
 * this module (a bundle built without it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileSummary } from '../core/index/fileSummary';
import type { ProjectConfig } from '../core/project';
import type { SidecarStore } from '../core/store/sidecarStore';
import { defaultThreads } from './compareInWorkers';
import { summariseFiles } from './summariseFiles';

export interface SummaryTask {
  /** The corpus root, as the main thread opened it (absolute). */
  root: string;
  /** The project configuration the main thread read (types and rules decide the problems). */
  config: ProjectConfig;
  files: readonly string[];
}

export type SummaryWorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; summaries: FileSummary[] } | { kind: 'failed'; error: string };

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
}

/** The summaries of `files`, in their order, read by this thread's `store` and by workers. */
export async function summariseInWorkers(corpus: { root: string; config: ProjectConfig; store: SidecarStore }, files: readonly string[], options: SummariseOptions = {}): Promise<FileSummary[] | { error: string }> {
  const wanted = options.threads ?? Math.min(defaultThreads(), Math.floor(files.length / filesPerDefaultThread));
  const count = Math.max(1, Math.min(Math.floor(wanted), files.length));
  if (count === 1 || !summaryWorkerFound()) return summariseFiles(corpus.store, files, options.onProgress);
  const parts = Array.from({ length: count }, (): string[] => []);
  files.forEach((file, index) => parts[index % count].push(file));
  const progress = Array.from({ length: count }, (_, part) => ({ done: 0, total: parts[part].length }));
  const report = (part: number, done: number) => {
    progress[part].done = done;
    options.onProgress?.(
      progress.reduce((sum, entry) => sum + entry.done, 0),
      files.length,
    );
  };
  const runs = parts.slice(1).map((part, worker) => runWorker({ root: corpus.root, config: corpus.config, files: part }, (done) => report(worker + 1, done)));
  // This thread reads the first part itself: it has nothing else to do meanwhile.
  const own = await summariseFiles(corpus.store, parts[0], (done) => report(0, done));
  const results = [own, ...(await Promise.all(runs))];
  const failed = results.find((result): result is { error: string } => 'error' in result);
  if (failed !== undefined) return failed;
  const summaries = results as FileSummary[][];
  return files.map((_, index) => summaries[index % count][Math.floor(index / count)]);
}

function runWorker(task: SummaryTask, onProgress: (done: number) => void): Promise<FileSummary[] | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: FileSummary[] | { error: string }) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // As agree's workers: nearly all a reading thread allocates lives until its file is summarised;
    // a larger young generation means fewer scavenges.
    const worker = new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    worker.on('message', (message: SummaryWorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done);
      else {
        settle(message.kind === 'done' ? message.summaries : { error: `a worker thread failed: ${message.error}` });
        void worker.terminate();
      }
    });
    worker.on('error', (error) => settle({ error: `a worker thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `a worker thread stopped (exit code ${code}) before it finished` }));
  });
}
