/**
 * The extension's cold start over worker threads. With no cache to start from, every sidecar and
 * text is read, parsed and checked; in one thread that was 2.4 to 2.8 times the baseline at
 * 10,000 documents (docs/performance.md). Here runs of files go to whichever thread is free
 * (shareRuns.ts): the workers (indexWorker.ts) and this thread each read a run into index
 * records (packedRun.ts), and this thread adopts the runs in file order, so the index is the one
 * a single thread builds. Adopting a run costs a look-up per distinct form and the mention
 * counts, not the reading: the part of the work that cannot be shared stays small.
 *
 * A failed worker stops the handing out of runs; the files not adopted by then are left to the
 * caller, which reads them in this thread.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CorpusIndex } from '../core/index/corpusIndex';
import { adoptRun, packRun, type PackedRun } from '../core/index/packedRun';
import { defaultThreads } from './compareInWorkers';
import { readIndexEntrySync, type ReadEntryOptions } from './readIndexEntry';
import { shareRuns } from './shareRuns';

/** What each worker is told once. */
export interface IndexTask {
  root: string;
  checkText: boolean;
  knownTypes: string[] | undefined;
}

/** Files per thread below which starting workers does not repay itself (each starts with nothing compiled). */
export const filesPerIndexThread = 1_000;

/** Files in each run this thread reads itself: about 7 ms of reading at 10,000 documents. */
const ownRunSize = 50;

/** The compiled worker: beside this module in out/ (tests) and beside extension.js in dist/ (the bundle). */
const workerScript = path.join(__dirname, 'indexWorker.js');

/** How many threads in all (this one included) to read `files` files with; 1 for this thread alone. */
export function indexThreadsFor(files: number, asked?: number): number {
  if (!existsSync(workerScript)) return 1;
  const threads = asked ?? Math.min(defaultThreads(), Math.floor(files / filesPerIndexThread));
  return Math.max(1, Math.min(Math.floor(threads), files));
}

export interface IndexInWorkersOptions extends ReadEntryOptions {
  /** Threads in all, this one included (at least 2). */
  threads: number;
  /** Called after each file is adopted, with whether its sidecar was read. */
  onFile?: (hasSidecar: boolean) => void;
  isCancelled?: () => boolean;
  /** For tests: this thread reads no files, so the workers' work is what gets checked. */
  workersOnly?: boolean;
  /** For tests: another worker script (one that fails, say). */
  workerScript?: string;
}

/**
 * Fills `index` (empty) with the entries of `files`. Returns how many of the first files were
 * adopted: all of them, or fewer when a worker failed or the load was cancelled (the caller goes
 * on from there), and the first failure, if any.
 */
export async function readIndexInWorkers(root: string, files: readonly string[], index: CorpusIndex, options: IndexInWorkersOptions): Promise<{ adopted: number; error?: string }> {
  const task: IndexTask = { root, checkText: options.checkText ?? true, knownTypes: options.knownTypes === undefined ? undefined : [...options.knownTypes] };
  const readRun = (run: readonly string[]) => packRun(run.map((file) => ({ path: file, entry: readIndexEntrySync(root, file, options) })));
  const arrived = new Map<number, PackedRun>();
  let adopted = 0;
  const adoptInOrder = () => {
    for (let run = arrived.get(adopted); run !== undefined; run = arrived.get(adopted)) {
      arrived.delete(adopted);
      adoptRun(index, run, (hasSidecar) => {
        adopted++;
        options.onFile?.(hasSidecar);
      });
    }
  };
  const failed = await shareRuns<string, PackedRun>({
    items: files,
    threads: options.threads,
    // Nearly all a reading thread allocates lives until its run is packed: a larger young
    // generation means fewer scavenges (as summariseInWorkers.ts does).
    startWorker: () => new Worker(options.workerScript ?? workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } }),
    own: options.workersOnly === true ? undefined : (run) => Promise.resolve(readRun(run)),
    // This thread answers the editor meanwhile: its own runs stay a few milliseconds long.
    ownRunSize: ownRunSize,
    finished: (run, _items, start) => {
      arrived.set(start, run);
      adoptInOrder();
    },
    isCancelled: options.isCancelled,
  });
  return failed === undefined ? { adopted } : { adopted, error: failed.error };
}
