/**
 * `news-annotator suggest` over several threads: the names are gathered once (gazetteers, and the
 * corpus's own tags with `--from-tags`), this thread builds the matcher and each worker gets a copy
 * of it, and the files go out in short runs to whichever thread is free: this one, and each worker (suggestWorker.ts) as
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
import { matcherData, type NameMatcherData } from '../core/suggest/matcherData';
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
  types: readonly string[] | undefined;
  dryRun: boolean;
}

/** To a worker, once, before any run: the matcher to search with. */
export interface MatcherMessage {
  kind: 'matcher';
  data: NameMatcherData;
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
    types: options.types === undefined ? undefined : [...options.types],
    dryRun: options.dryRun,
  };
  const own = { types: options.types, dryRun: options.dryRun, label: options.label };
  const workers: Worker[] = [];
  let matcher: NameMatcher | undefined;
  const sharing = shareRuns<string, SuggestCorpusOutcome>({
    items: files,
    threads: count,
    // As the summary workers: most of what a file's work allocates dies with it; a larger young
    // generation means fewer scavenges.
    startWorker: () => {
      const worker = new Worker(workerScript, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
      workers.push(worker);
      return worker;
    },
    // Its first turn waits for the matcher, built just below.
    own:
      threadOptions.workersOnly === true
        ? undefined
        : async (run) => {
            await Promise.resolve();
            if (matcher === undefined) throw new Error('the names could not be prepared');
            return suggestFiles(corpus.workspace, run, matcher, own);
          },
    finished: (outcome, run) => {
      outcomes.push(outcome);
      done += run.length;
      options.progress?.report(done, files.length, '');
    },
    isCancelled: () => options.progress?.isCancelled() === true,
  });
  // shareRuns has started the workers (before its first wait); they open the corpus while this
  // thread builds the one matcher, and each then gets a copy of it as data. A worker built its
  // own before: cold, beside this thread's reading, that took it about 0.8 s at 100,000 names,
  // and the dry run in two threads was no faster than in one.
  try {
    matcher = new NameMatcher(names.entries, { ignoreCase: options.ignoreCase });
    const data = matcherData(matcher);
    for (const worker of workers) worker.postMessage({ kind: 'matcher', data } satisfies MatcherMessage);
  } catch (error) {
    // Workers waiting for a matcher that never comes would keep the process alive.
    for (const worker of workers) void worker.terminate();
    await sharing.catch(() => undefined);
    throw error;
  }
  const failed = await sharing;
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
