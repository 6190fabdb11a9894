/**
 * `news-annotator reanchor [DIR] [--dry-run]`: for every text that changed since its sidecar was
 * written, store the re-anchored offsets (one write per file, through the store) and print what
 * moved, became fuzzy or was orphaned. Exit 1 when anything was orphaned or a file failed.
 */
import { mapConcurrent } from '../../core/corpus/mapConcurrent';
import { reanchorFile } from '../../core/store/reanchorFile';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { openForCommand } from '../loadForCommand';
import { plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function reanchorCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { 'dry-run': { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'reanchor', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['reanchor']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'reanchor', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const opened = await openForCommand(io, parsed.positionals[0]);
  if ('exitCode' in opened) return opened.exitCode;
  const { corpus, display } = opened;
  const dryRun = parsed.values['dry-run'] === true;

  const progress = createProgress(io, 'Re-anchoring:');
  // Few at a time: each changed file is read, searched and written.
  const outcomes = await mapConcurrent(corpus.files, 8, (file) => reanchorFile(corpus.workspace, file, { dryRun }), progress.update);
  progress.finish();

  io.stdout(problemLines(sortProblems(withDisplayPath(outcomes.flatMap((outcome) => outcome.problems), display))));
  const total = (key: 'moved' | 'fuzzy' | 'orphaned') => outcomes.reduce((sum, outcome) => sum + outcome[key], 0);
  const changed = outcomes.filter((outcome) => outcome.changed).length;
  const written = outcomes.filter((outcome) => outcome.written).length;
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  const sidecars = outcomes.filter((outcome) => outcome.hasSidecar).length;
  io.stderr(
    `Checked ${plural(corpus.files.length, 'file')} (${plural(sidecars, 'sidecar')}): ${plural(changed, 'text')} changed; ` +
      `${plural(total('moved'), 'annotation')} moved, ${total('fuzzy')} fuzzy, ${total('orphaned')} orphaned; ` +
      `${plural(written, 'sidecar')} ${dryRun ? 'would be written (dry run)' : 'written'}${failed > 0 ? `; ${plural(failed, 'file')} failed` : ''}.\n`,
  );
  return total('orphaned') > 0 || failed > 0 ? exitCodes.failure : exitCodes.success;
}
