/**
 * `news-annotator suggest` over several threads: the names are gathered once (gazetteers, and the
 * corpus's own tags with `--from-tags`), the files are dealt out in turn into one part per thread,
 * and this thread and each worker (suggestWorker.ts) run `suggestCorpus` over their part with the
 * very same names. What a file gains depends on that file and the names alone, and every write
 * takes the file's lock as always, so the sidecars come out as one thread writes them (but for the
 * new suggestions' ids, which are random either way). Matching, and parsing and writing each
 * sidecar, keep one thread busy: on 10,000 documents a second core takes a writing run from
 * about 13 s to about 10 s (the disk's flushes are shared).
 *
 * Runs in this thread alone when one thread is wanted, when there are too few files to repay
 * starting workers (each builds its own matcher; unless the count was asked for), or when the
 * worker script is not beside this module.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/problem';
import type { ProjectConfig } from '../core/project';
import type { GazetteerEntry } from '../core/suggest/gazetteerEntry';
import type { AnnotationWorkspace } from '../workspace/annotationWorkspace';
import { namesToSuggest, suggestCorpus, type SuggestCorpusOptions, type SuggestCorpusOutcome, type SuggestFileOutcome } from '../workspace/suggestCorpus';
import { defaultThreads } from './compareInWorkers';
import { filesPerDefaultThread } from './summariseInWorkers';

/** What a worker is given: plain data, as a worker's data must be. */
export interface SuggestTask {
  /** The corpus root, as the main thread opened it (absolute). */
  root: string;
  /** The project configuration the main thread read. */
  config: ProjectConfig;
  files: readonly string[];
  /** The names, already gathered and filtered by type. */
  entries: readonly GazetteerEntry[];
  ignoreCase: boolean;
  types: readonly string[] | undefined;
  knownTypes: readonly string[];
  dryRun: boolean;
}

export type SuggestWorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; outcome: SuggestCorpusOutcome } | { kind: 'failed'; error: string };

/** The compiled worker: beside this module in out/ (tests) and beside cli.js in dist/ (the bundle). */
const workerScript = path.join(__dirname, 'suggestWorker.js');

export function suggestWorkerFound(): boolean {
  return existsSync(workerScript);
}

export interface SuggestCorpusOnDisk {
  root: string;
  config: ProjectConfig;
  workspace: AnnotationWorkspace;
}

/** `suggestCorpus` over `files`, split between this thread and `threads - 1` workers (undefined: one per core, when there are enough files). */
export async function suggestInWorkers(
  corpus: SuggestCorpusOnDisk,
  files: readonly string[],
  options: SuggestCorpusOptions,
  threads?: number,
): Promise<SuggestCorpusOutcome | { error: string }> {
  const wanted = threads ?? Math.min(defaultThreads(), Math.floor(files.length / filesPerDefaultThread));
  const count = Math.max(1, Math.min(Math.floor(wanted), files.length));
  if (count === 1 || !suggestWorkerFound()) return suggestCorpus(corpus.workspace, files, options);

  const names = await namesToSuggest(corpus.workspace, files, options);
  const parts = Array.from({ length: count }, (): string[] => []);
  files.forEach((file, index) => parts[index % count].push(file));
  // Each thread first reads all its files, then writes those that gain: its total changes between
  // the two, so the sum is of each thread's latest figures.
  const progress = parts.map((part) => ({ done: 0, total: part.length }));
  const report = (part: number, done: number, total: number) => {
    progress[part] = { done, total };
    options.progress?.report(
      progress.reduce((sum, entry) => sum + entry.done, 0),
      progress.reduce((sum, entry) => sum + entry.total, 0),
      '',
    );
  };
  const task = (part: string[]): SuggestTask => ({
    root: corpus.root,
    config: corpus.config,
    files: part,
    entries: names.entries,
    ignoreCase: options.ignoreCase,
    types: options.types === undefined ? undefined : [...options.types],
    knownTypes: [...options.knownTypes],
    dryRun: options.dryRun,
  });
  const runs = parts.slice(1).map((part, worker) => runWorker(task(part), (done, total) => report(worker + 1, done, total)));
  // This thread works through the first part itself, with the names already gathered and filtered.
  const own = await suggestCorpus(corpus.workspace, parts[0], {
    ...options,
    entries: names.entries,
    fromTags: false,
    progress: { report: (done, total) => report(0, done, total), isCancelled: () => options.progress?.isCancelled() === true },
  });
  const results = [own, ...(await Promise.all(runs))];
  const failed = results.find((result): result is { error: string } => 'error' in result);
  if (failed !== undefined) return failed;
  return merged(files, names.problems, results as SuggestCorpusOutcome[]);
}

/** The parts' outcomes as one: files in corpus order, the names' problems first. */
function merged(files: readonly string[], nameProblems: readonly Problem[], outcomes: readonly SuggestCorpusOutcome[]): SuggestCorpusOutcome {
  const order = new Map(files.map((file, index) => [file, index]));
  const gained: SuggestFileOutcome[] = outcomes.flatMap((outcome) => outcome.files).sort((left, right) => order.get(left.textPath)! - order.get(right.textPath)!);
  return {
    files: gained,
    added: outcomes.reduce((sum, outcome) => sum + outcome.added, 0),
    problems: [...nameProblems, ...outcomes.flatMap((outcome) => outcome.problems)],
    names: outcomes[0].names,
    cancelled: outcomes.some((outcome) => outcome.cancelled),
  };
}

function runWorker(task: SuggestTask, onProgress: (done: number, total: number) => void): Promise<SuggestCorpusOutcome | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: SuggestCorpusOutcome | { error: string }) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    // As the summary workers: most of what a file's work allocates dies with it; a larger young
    // generation means fewer scavenges.
    const worker = new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    worker.on('message', (message: SuggestWorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done, message.total);
      else {
        settle(message.kind === 'done' ? message.outcome : { error: `a worker thread failed: ${message.error}` });
        void worker.terminate();
      }
    });
    worker.on('error', (error) => settle({ error: `a worker thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `a worker thread stopped (exit code ${code}) before it finished` }));
  });
}
