/**
 * `news-annotator suggest` over several threads: the names are gathered once (gazetteers, and the
 * corpus's own tags with `--from-tags`), each thread builds its matcher from them, and the files go
 * out in short runs to whichever thread is free: this one, and each worker (suggestWorker.ts) as
 * soon as it is ready (see shareRuns.ts). What a file gains depends on that file
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
import { shareRuns } from './shareRuns';
import { filesPerDefaultThread } from './summariseInWorkers';

/** What a worker is given when it starts: plain data, as a worker's data must be. */
export interface SuggestTask {
  /** The corpus root, as the main thread opened it (absolute). */
  root: string;
  /** The project configuration the main thread read. */
  config: ProjectConfig;
  /** What the main thread's listing saw as regular files (see syncReadingFileSystem.ts). */
  listedRegular: readonly string[];
  /** The names, already gathered and filtered by type. */
  entries: readonly GazetteerEntry[];
  ignoreCase: boolean;
  types: readonly string[] | undefined;
  dryRun: boolean;
}

/** The compiled worker: beside this module in out/ (tests) and beside cli.js in dist/ (the bundle). */
const workerScript = path.join(__dirname, 'suggestWorker.js');

export function suggestWorkerFound(): boolean {
  return existsSync(workerScript);
}

export interface SuggestCorpusOnDisk {
  root: string;
  config: ProjectConfig;
  listedRegular?: readonly string[];
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
  const outcomes: SuggestCorpusOutcome[] = [];
  let done = 0;
  const task: SuggestTask = {
    root: corpus.root,
    config: corpus.config,
    listedRegular: corpus.listedRegular ?? [],
    entries: names.entries,
    ignoreCase: options.ignoreCase,
    types: options.types === undefined ? undefined : [...options.types],
    dryRun: options.dryRun,
  };
  // Built at this thread's first run, after the workers were started: they need not wait for it.
  let matcher: NameMatcher | undefined;
  const own = { types: options.types, dryRun: options.dryRun, label: options.label };
  const failed = await shareRuns<string, SuggestCorpusOutcome>({
    items: files,
    threads: count,
    // As the summary workers: most of what a file's work allocates dies with it; a larger young
    // generation means fewer scavenges.
    startWorker: () => new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } }),
    own: threadOptions.workersOnly === true ? undefined : (run) => suggestFiles(corpus.workspace, run, (matcher ??= new NameMatcher(names.entries, { ignoreCase: options.ignoreCase })), own),
    finished: (outcome, run) => {
      outcomes.push(outcome);
      done += run.length;
      options.progress?.report(done, files.length, '');
    },
    isCancelled: () => options.progress?.isCancelled() === true,
  });
  return failed ?? merged(files, names.problems, outcomes);
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
