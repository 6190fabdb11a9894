/**
 * `news-annotator agree LEFT RIGHT [MORE...] [--json] [--csv FILE] [--root DIR]`: agreement
 * between two or more sides of a corpus (folders, or `git:REF` read from the repository holding
 * the corpus folder). Each side is read once; every pair is compared by compareSides, the corpus
 * split by document over worker threads (`--jobs`, compareInWorkers.ts). Documents
 * that cannot be read on a side are left out of every pair with that side, reported, and make the
 * exit code 1 (the numbers would otherwise look complete); low agreement is not a failure.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareInWorkers, defaultThreads } from '../../node/compareInWorkers';
import { documentsCsv, formatMatrix, formatPair, matrixOf, type PairOutput } from '../agreementOutput';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { displayPath, line, plural } from '../problemOutput';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function agreeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { json: { type: 'boolean' }, csv: { type: 'string' }, root: { type: 'string' }, jobs: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'agree', parsed.message);
  const { values, positionals } = parsed;
  if (values['help'] === true) {
    io.stdout(commandUsage['agree']);
    return exitCodes.success;
  }
  if (positionals.length < 2) return usageError(io, 'agree', `expected at least two sides (folders or git:REF), got ${positionals.length}`);
  if (values['csv'] === '') return usageError(io, 'agree', '--csv needs a file name');
  const root = path.resolve(io.cwd, typeof values['root'] === 'string' ? values['root'] : '.');

  let threads = defaultThreads();
  if (values['jobs'] !== undefined) {
    threads = Number(values['jobs']);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) return usageError(io, 'agree', `--jobs needs a whole number from 1 to 64, got "${String(values['jobs'])}"`);
  }

  const progress = createProgress(io, `Reading ${plural(positionals.length, 'side')}:`);
  const compared = await compareInWorkers(positionals, { cwd: io.cwd, root, threads, onProgress: progress.update });
  progress.finish();
  if ('error' in compared) {
    io.stderr(line(`news-annotator agree: ${compared.error}`));
    return exitCodes.failure;
  }
  const { sides } = compared;
  if (sides.some((side) => side.unplaced > 0)) {
    const counts = sides.filter((side) => side.unplaced > 0).map((side) => `${side.name}: ${side.unplaced}`);
    io.stderr(line(`Annotations that no longer sit on their text (orphaned or fuzzy; see validate) are left out: ${counts.join(', ')}.`));
  }
  const pairs: PairOutput[] = compared.pairs.map((pair) => ({ leftIndex: pair.leftIndex, rightIndex: pair.rightIndex, report: pair.part.report, unreadable: pair.unreadable }));
  // Documents are shown as paths editors open: in the first side's folder, else in the corpus
  // folder (--root) whose repository the git sides came from.
  const documentsFolder = sides[0].folder ?? root;
  const display = (file: string) => displayPath(io.cwd, path.resolve(documentsFolder, file));
  const names = sides.map((side) => side.name);
  if (values['json'] === true) io.stdout(JSON.stringify(pairs.length === 1 ? pairJson(pairs[0]) : { sides: names, pairs: pairs.map(pairJson), matrix: matrixJson(names, pairs) }, null, 2) + '\n');
  else if (pairs.length === 1) io.stdout(formatPair(pairs[0], display));
  else {
    io.stdout(formatMatrix(names, pairs));
    for (const pair of pairs) io.stdout('\n' + formatPair(pair, display));
  }
  if (typeof values['csv'] === 'string') {
    const file = path.resolve(io.cwd, values['csv']);
    try {
      await fs.writeFile(file, documentsCsv(pairs.map((pair) => pair.report)));
    } catch (error) {
      io.stderr(line(`news-annotator agree: ${values['csv']} could not be written: ${error instanceof Error ? error.message : String(error)}`));
      return exitCodes.failure;
    }
  }
  const unreadable = sides.reduce((total, side) => total + side.unreadable, 0);
  if (unreadable > 0) {
    io.stderr(line(`${plural(unreadable, 'document')} could not be read and ${unreadable === 1 ? 'was' : 'were'} left out (listed under Skipped).`));
    return exitCodes.failure;
  }
  return exitCodes.success;
}

function pairJson(pair: PairOutput) {
  return { ...pair.report, unreadable: pair.unreadable };
}

function matrixJson(names: readonly string[], pairs: readonly PairOutput[]) {
  return { sides: names, exactF1: matrixOf(names, pairs, (report) => report.exact.f1), overlapF1: matrixOf(names, pairs, (report) => report.overlap.f1) };
}
