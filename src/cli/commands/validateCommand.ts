/**
 * `news-annotator validate [DIR]`: the project file, every sidecar against its text, and sidecars
 * whose text is missing. Reads only; prints problems one per line for editors and CI.
 */
import { projectFileName } from '../../core/project';
import { validateCorpus } from '../../node/validateCorpus';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { loadForCommand } from '../loadForCommand';
import { countBySeverity, plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { strict: { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'validate', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['validate']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'validate', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const loaded = await loadForCommand(io, parsed.positionals[0]);
  if ('exitCode' in loaded) return loaded.exitCode;
  const { corpus, load, display } = loaded;

  const problems = await validateCorpus(corpus, load);
  const shown = sortProblems(withDisplayPath(problems, display));
  io.stdout(problemLines(shown));
  const { errors, warnings } = countBySeverity(shown);
  // A file that could not be read at all is, nearly always, a sidecar that could not be.
  const sidecars = load.documents.filter((document) => document.hasSidecar).length + load.failures.length;
  const unreadable = load.failures.length > 0 ? `, ${load.failures.length} unreadable` : '';
  io.stderr(`Checked ${plural(corpus.files.length, 'file')} (${plural(sidecars, 'sidecar')}${unreadable})${corpus.projectFound ? ` and ${projectFileName}` : ''}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`);
  const failed = errors > 0 || (parsed.values['strict'] === true && warnings > 0);
  return failed ? exitCodes.failure : exitCodes.success;
}
