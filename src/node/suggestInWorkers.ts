/**
 * `news-annotator suggest` over several threads: the names are gathered once (gazetteers, and the
 * corpus's own tags with `--from-tags`), each thread builds its matcher from them, and the files go
 * out in small runs to whichever thread is free: this one, and each worker (suggestWorker.ts) as
 * soon as it is ready. A worker starts late (its code, its copy of the names, its own matcher), so
 * a fixed half each would leave this thread waiting for it. What a file gains depends on that file
 * and the names alone, and every write takes the file's lock as always, so the sidecars come out
 * as one thread writes them (but for the new suggestions' ids, which are random either way).
 *
 * Runs in this thread alone when one thread is wanted, when there are too few files to repay
 * starting workers (unless the count was asked for), or when the worker script is not beside
 * this module.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/problem';
import type { ProjectConfig } from '../core/project';
import type { GazetteerEntry } from '../core/suggest/gazetteerEntry';
import { NameMatcher } from '../core/suggest/nameMatcher';
import type { AnnotationWorkspace } from '../workspace/annotationWorkspace';
import { namesToSuggest, suggestCorpus, suggestFiles, type SuggestCorpusOptions, type SuggestCorpusOutcome, type SuggestFileOutcome } from '../workspace/suggestCorpus';
import { defaultThreads } from './compareInWorkers';
import { filesPerDefaultThread } from './summariseInWorkers';

/** What a worker is given when it starts: plain data, as a worker's data must be. */
export interface SuggestTask {
  /** The corpus root, as the main thread opened it (absolute). */
  root: string;
  /** The project configuration the main thread read. */
  config: ProjectConfig;
  /** The names, already gathered and filtered by type. */
  entries: readonly GazetteerEntry[];
  ignoreCase: boolean;
  types: readonly string[] | undefined;
  dryRun: boolean;
}

/** To a worker: a run of files to do, or that there are no more. */
export type SuggestWorkerRequest = { kind: 'files'; files: readonly string[] } | { kind: 'end' };

/** From a worker: ready for files (after building its matcher), a run done, or a failure. */
export type SuggestWorkerMessage = { kind: 'ready' } | { kind: 'done'; outcome: SuggestCorpusOutcome } | { kind: 'failed'; error: string };

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

export interface SuggestThreadOptions {
  /** Threads in all (`--jobs`); undefined: one per core, when there are enough files. */
  threads?: number;
  /** For tests: this thread takes no files, so the workers' work is what gets checked. */
  workersOnly?: boolean;
}

/** `suggestCorpus` over `files`, shared between this thread and `threads - 1` workers. */
export async function suggestInWorkers(
  corpus: SuggestCorpusOnDisk,
  files: readonly string[],
  options: SuggestCorpusOptions,
  threadOptions: SuggestThreadOptions = {},
): Promise<SuggestCorpusOutcome | { error: string }> {
  const wanted = threadOptions.threads ?? Math.min(defaultThreads(), Math.floor(files.length / filesPerDefaultThread));
  const count = Math.max(1, Math.min(Math.floor(wanted), files.length));
  if (count === 1 || !suggestWorkerFound()) return suggestCorpus(corpus.workspace, files, options);

  const names = await namesToSuggest(corpus.workspace, files, options);
  // Runs small enough that the threads finish close together, large enough that a message per
  // run costs nothing beside it.
  const size = Math.max(1, Math.min(250, Math.ceil(files.length / (count * 8))));
  const runs: string[][] = [];
  for (let start = 0; start < files.length; start += size) runs.push(files.slice(start, start + size));
  let next = 0;
  let done = 0;
  const take = (): string[] | undefined => (next < runs.length && options.progress?.isCancelled() !== true ? runs[next++] : undefined);
  const outcomes: SuggestCorpusOutcome[] = [];
  const finished = (outcome: SuggestCorpusOutcome, run: readonly string[]) => {
    outcomes.push(outcome);
    done += run.length;
    options.progress?.report(done, files.length, '');
  };

  const task: SuggestTask = {
    root: corpus.root,
    config: corpus.config,
    entries: names.entries,
    ignoreCase: options.ignoreCase,
    types: options.types === undefined ? undefined : [...options.types],
    dryRun: options.dryRun,
  };
  const workers = Array.from({ length: count - 1 }, () => runWorker(task, take, finished));
  if (threadOptions.workersOnly !== true) {
    const matcher = new NameMatcher(names.entries, { ignoreCase: options.ignoreCase });
    const own = { types: options.types, dryRun: options.dryRun, label: options.label };
    for (let run = take(); run !== undefined; run = take()) {
      finished(await suggestFiles(corpus.workspace, run, matcher, own), run);
      // Synchronous reads settle every promise at once: without a turn of the event loop between
      // runs, the workers' messages (ready, done) would wait until this thread had done them all.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const failures = (await Promise.all(workers)).filter((result): result is { error: string } => result !== undefined);
  if (failures.length > 0) return failures[0];
  return merged(files, names.problems, outcomes);
}

/** The runs' outcomes as one: files in corpus order, the names' problems first. */
function merged(files: readonly string[], nameProblems: readonly Problem[], outcomes: readonly SuggestCorpusOutcome[]): SuggestCorpusOutcome {
  const order = new Map(files.map((file, index) => [file, index]));
  const gained: SuggestFileOutcome[] = outcomes.flatMap((outcome) => outcome.files).sort((left, right) => order.get(left.textPath)! - order.get(right.textPath)!);
  return {
    files: gained,
    added: outcomes.reduce((sum, outcome) => sum + outcome.added, 0),
    problems: [...nameProblems, ...outcomes.flatMap((outcome) => outcome.problems)],
    // Every thread's matcher holds the same names; a run that did nothing still says how many.
    names: outcomes[0]?.names ?? 0,
    cancelled: outcomes.some((outcome) => outcome.cancelled),
  };
}

/** Runs of files for one worker until there are none (undefined), or its failure. */
function runWorker(task: SuggestTask, take: () => string[] | undefined, finished: (outcome: SuggestCorpusOutcome, run: readonly string[]) => void): Promise<{ error: string } | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let current: string[] | undefined;
    // As the summary workers: most of what a file's work allocates dies with it; a larger young
    // generation means fewer scavenges.
    const worker = new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    const settle = (result: { error: string } | undefined) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    const send = () => {
      current = take();
      const request: SuggestWorkerRequest = current === undefined ? { kind: 'end' } : { kind: 'files', files: current };
      worker.postMessage(request);
      if (current === undefined) settle(undefined);
    };
    worker.on('message', (message: SuggestWorkerMessage) => {
      if (message.kind === 'failed') return settle({ error: `a worker thread failed: ${message.error}` });
      if (message.kind === 'done') finished(message.outcome, current ?? []);
      send();
    });
    worker.on('error', (error) => settle({ error: `a worker thread failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ error: `a worker thread stopped (exit code ${code}) before it finished` }));
  });
}
