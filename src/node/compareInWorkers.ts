/**
 * `agree` over several threads: the corpus is split by path into one part per thread
 * (readSide's inShard), this thread and each worker read their part of every side and compare it
 * (agreeWorker.ts), and the parts' results are added up (mergeComparisons), which gives exactly
 * the single-thread result. Reading and parsing dominate `agree`, and they split cleanly by
 * document; moving whole sides between threads instead would cost more than reading them.
 *
 * Falls back to one thread when the worker script is not beside this module (a bundle built
 * without it) or only one thread is wanted.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareCorpusSides, mergeComparisons, type CompareOptions, type CorpusComparison } from './compareCorpusSides';
import type { Shard } from './readSide';

export interface WorkerTask {
  specs: readonly string[];
  cwd: string;
  root: string;
  shard: Shard;
}

export type WorkerMessage = { kind: 'progress'; side: number; done: number; total: number } | { kind: 'done'; result: CorpusComparison | { error: string } };

/** Threads used when the caller does not say: one per core, at most four (beyond that the disk is the limit). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The compiled worker: beside this module in out/ (tests) and beside cli.js in dist/ (the bundle). */
const workerScript = path.join(__dirname, 'agreeWorker.js');

/** Whether the worker script is there (else `agree` quietly works in one thread). */
export function workerScriptFound(): boolean {
  return existsSync(workerScript);
}

export interface ThreadOptions extends Omit<CompareOptions, 'shard' | 'onProgress'> {
  threads: number;
  /** Progress of reading all sides, summed over the workers. */
  onProgress?: (done: number, total: number) => void;
}

export async function compareInWorkers(specs: readonly string[], options: ThreadOptions): Promise<CorpusComparison | { error: string }> {
  const count = Math.max(1, Math.floor(options.threads));
  if (count === 1 || !workerScriptFound()) {
    const totals = new Map<number, { done: number; total: number }>();
    return compareCorpusSides(specs, { cwd: options.cwd, root: options.root, onProgress: (side, done, total) => report(totals, side, done, total, options.onProgress) });
  }
  const totals = new Map<number, { done: number; total: number }>();
  const progressOf = (index: number) => (side: number, done: number, total: number) => report(totals, index * specs.length + side, done, total, options.onProgress);
  // This thread takes the first part itself: a worker starts with nothing compiled, and this
  // thread has no other work while the workers run.
  const runs = Array.from({ length: count - 1 }, (_, worker) => runWorker({ specs, cwd: options.cwd, root: options.root, shard: { index: worker + 1, count } }, progressOf(worker + 1)));
  const own = await compareCorpusSides(specs, { cwd: options.cwd, root: options.root, shard: { index: 0, count }, onProgress: progressOf(0) });
  const results = [own, ...(await Promise.all(runs))];
  const failed = results.find((result): result is { error: string } => 'error' in result);
  if (failed !== undefined) return failed;
  return mergeComparisons(results as [CorpusComparison, ...CorpusComparison[]]);
}

function report(totals: Map<number, { done: number; total: number }>, key: number, done: number, total: number, onProgress: ((done: number, total: number) => void) | undefined): void {
  if (onProgress === undefined) return;
  totals.set(key, { done, total });
  let allDone = 0;
  let allTotal = 0;
  for (const entry of totals.values()) {
    allDone += entry.done;
    allTotal += entry.total;
  }
  onProgress(allDone, allTotal);
}

function runWorker(task: WorkerTask, onProgress: (side: number, done: number, total: number) => void): Promise<CorpusComparison | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: CorpusComparison | { error: string }) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // Nearly all a reading thread allocates stays alive until the end; a young generation larger
    // than a worker's default means fewer scavenges copying it (about 2 s less CPU in 10k documents).
    const worker = new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.side, message.done, message.total);
      else {
        settle(message.result);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => settle({ error: `a worker thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `a worker thread stopped (exit code ${code}) before it finished` }));
  });
}
