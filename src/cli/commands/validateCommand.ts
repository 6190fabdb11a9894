/**
 * `news-annotator validate [DIR]`: the project file, every sidecar against its text, and sidecars
 * whose text is missing. Reads only; prints problems one per line for editors and CI.
 */
import { projectFileName } from '../../core/project';
import { validateSummaries } from '../../node/validateCorpus';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { jobsOption } from '../jobsOption';
import { summariseForCommand } from '../loadForCommand';
import { countBySeverity, plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { strict: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, jobs: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'validate', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['validate']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'validate', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const jobs = jobsOption(parsed.values['jobs']);
  if ('message' in jobs) return usageError(io, 'validate', jobs.message);
  const loaded = await summariseForCommand(io, parsed.positionals[0], { cache: parsed.values['no-cache'] !== true, threads: jobs.threads });
  if ('exitCode' in loaded) return loaded.exitCode;
  const { corpus, summaries, display } = loaded;

  const problems = validateSummaries(corpus, summaries);
  const shown = sortProblems(withDisplayPath(problems, display));
  io.stdout(problemLines(shown));
  const { errors, warnings } = countBySeverity(shown);
  // A file that could not be read at all is, nearly always, a sidecar that could not be.
  const failures = summaries.filter((summary) => !summary.readable).length;
  const sidecars = summaries.filter((summary) => summary.hasSidecar).length + failures;
  const unreadable = failures > 0 ? `, ${failures} unreadable` : '';
  io.stderr(`Checked ${plural(corpus.files.length, 'file')} (${plural(sidecars, 'sidecar')}${unreadable})${corpus.projectFound ? ` and ${projectFileName}` : ''}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`);
  const failed = errors > 0 || (parsed.values['strict'] === true && warnings > 0);
  return failed ? exitCodes.failure : exitCodes.success;
}
