/** Opens the corpus named on the command line and loads it, showing progress on a terminal. */
import path from 'node:path';
import { loadCorpus, type CorpusLoad } from '../core/corpus/loadCorpus';
import { openCorpus, type OpenCorpus } from '../node/openCorpus';
import { exitCodes, type CliIo } from './cliIo';
import { corpusDisplayPath } from './problemOutput';
import { createProgress } from './progress';

export interface LoadedForCommand {
  corpus: OpenCorpus;
  load: CorpusLoad;
  /** Maps root-relative paths (as problems name them) to paths relative to the current folder. */
  display: (file: string) => string;
}

export async function openForCommand(io: CliIo, directory: string | undefined): Promise<{ corpus: OpenCorpus; display: (file: string) => string } | { exitCode: number }> {
  const root = path.resolve(io.cwd, directory ?? '.');
  const corpus = await openCorpus(root);
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
