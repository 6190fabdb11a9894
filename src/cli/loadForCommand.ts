/** Opens the corpus named on the command line and loads it (or summarises it, through the cache), showing progress on a terminal. */
import path from 'node:path';
import { loadCorpus, type CorpusLoad } from '../core/corpus/loadCorpus';
import type { FileSummary } from '../core/index/fileSummary';
import { CommandLineCache, commandLineCacheFolder, stampsOf } from '../node/commandLineCache';
import { openCorpus, type OpenCorpus } from '../node/openCorpus';
import { summariseInWorkers } from '../node/summariseInWorkers';
import { exitCodes, type CliIo } from './cliIo';
import { corpusDisplayPath } from './problemOutput';
import { createProgress } from './progress';
import { annotationRulesOf } from '../core/sidecar/validateLinks';

export interface LoadedForCommand {
  corpus: OpenCorpus;
  load: CorpusLoad;
  /** Maps root-relative paths (as problems name them) to paths relative to the current folder. */
  display: (file: string) => string;
}

export async function openForCommand(io: CliIo, directory: string | undefined): Promise<{ corpus: OpenCorpus; display: (file: string) => string } | { exitCode: number }> {
  const root = path.resolve(io.cwd, directory ?? '.');
  const corpus = await openCorpus(root, { syncReads: true });
  if ('error' in corpus) {
    io.stderr(`news-annotator: ${corpus.error}\n`);
    return { exitCode: exitCodes.failure };
  }
  return { corpus, display: corpusDisplayPath(io.cwd, root) };
}

export async function loadForCommand(io: CliIo, directory: string | undefined): Promise<LoadedForCommand | { exitCode: number }> {
  const opened = await openForCommand(io, directory);
  if ('exitCode' in opened) return opened;
  const progress = createProgress(io, 'Reading the corpus:');
  const load = await loadCorpus(opened.corpus.store, opened.corpus.files, { concurrency: 32, onProgress: progress.update });
  progress.finish();
  return { ...opened, load };
}

export interface SummarisedForCommand {
  corpus: OpenCorpus;
  /** One per corpus file, in the corpus's order. */
  summaries: FileSummary[];
  display: (file: string) => string;
  /** Files whose summary came from the cache, and files read. */
  cached: number;
  read: number;
}

/**
 * What `stats` and `validate` need: each file's summary, from the command line's cache when its
 * sidecar and text are unchanged, else read (and then cached under the stamps its reads took).
 * `cache: false` (`--no-cache`) reads every file and leaves the cache alone. The files to read are split over `threads`
 * threads (default: one per core when there are enough files; see summariseInWorkers.ts).
 */
export async function summariseForCommand(io: CliIo, directory: string | undefined, options: { cache: boolean; threads?: number }): Promise<SummarisedForCommand | { exitCode: number }> {
  const opened = await openForCommand(io, directory);
  if ('exitCode' in opened) return opened;
  const { corpus } = opened;
  const realRoot = corpus.fileSystem.realRoot;
  // Cached problems depend on the project's declarations too: a changed relation list re-checks.
  const rules = annotationRulesOf(corpus.config);
  const fingerprint = JSON.stringify(rules === undefined ? { types: [...corpus.knownTypes].sort() } : { types: [...corpus.knownTypes].sort(), rules });
  const cache = options.cache ? CommandLineCache.open(commandLineCacheFolder(realRoot, io.env ?? process.env), realRoot, fingerprint) : undefined;
  const summaries = new Array<FileSummary | undefined>(corpus.files.length);
  const toRead: string[] = [];
  corpus.files.forEach((file, index) => {
    // Only files the cache holds are looked at first; the others' stamps come with their reads.
    const stamps = cache?.holds(file) === true ? stampsOf(realRoot, file) : undefined;
    const summary = stamps === undefined ? undefined : cache?.lookup(file, stamps);
    if (summary !== undefined) summaries[index] = summary;
    else toRead.push(file);
  });
  const readAt = Date.now();
  const progress = createProgress(io, 'Reading the corpus:');
  const fresh = await summariseInWorkers(corpus, toRead, { threads: options.threads, onProgress: progress.update });
  progress.finish();
  if ('error' in fresh) {
    io.stderr(`news-annotator: ${fresh.error}\n`);
    return { exitCode: exitCodes.failure };
  }
  let next = 0;
  corpus.files.forEach((file, index) => {
    if (summaries[index] !== undefined) return;
    const { summary, stamps } = fresh[next++];
    summaries[index] = summary;
    if (cache !== undefined && stamps !== undefined) cache.remember(file, stamps, summary, readAt);
  });
  await cache?.save();
  return { ...opened, summaries: summaries as FileSummary[], cached: corpus.files.length - toRead.length, read: toRead.length };
}
