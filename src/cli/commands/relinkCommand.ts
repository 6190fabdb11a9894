/**
 * `news-annotator relink [DIR] [--dry-run]`: moves each sidecar whose text was renamed or moved
 * outside the editor (`git mv`, a shell) beside that text, found by the content hash the sidecar
 * recorded (src/workspace/relinkSidecars.ts). Exit 1 when a sidecar without a text is left.
 */
import { printable } from '../../core/text/printable';
import { planRelink, relinkSidecars } from '../../workspace/relinkSidecars';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { openForCommand } from '../loadForCommand';
import { plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function relinkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { 'dry-run': { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'relink', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['relink']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'relink', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const opened = await openForCommand(io, parsed.positionals[0]);
  if ('exitCode' in opened) return opened.exitCode;
  const { corpus, display } = opened;
  const dryRun = parsed.values['dry-run'] === true;

  const progress = createProgress(io, 'Looking for moved texts:');
  const plan = await planRelink(corpus, progress.update);
  progress.finish();
  const done = dryRun ? { moved: plan.moves, problems: [] } : await relinkSidecars(corpus.fileSystem, plan.moves);
  const verb = dryRun ? 'would move' : 'moved';
  // A file name can hold terminal escape codes: shown, never obeyed.
  for (const move of done.moved) io.stdout(`${printable(display(move.from))} -> ${printable(display(move.to))}\n`);
  io.stdout(problemLines(sortProblems(withDisplayPath([...plan.problems, ...done.problems], display))));
  const left = plan.problems.length + done.problems.length;
  io.stderr(`${plural(done.moved.length, 'sidecar')} ${verb}${dryRun ? ' (dry run)' : ''}; ${plural(left, 'sidecar')} without a text left where ${left === 1 ? 'it is' : 'they are'}.\n`);
  return left > 0 ? exitCodes.failure : exitCodes.success;
}
