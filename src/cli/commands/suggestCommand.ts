/**
 * `news-annotator suggest [DIR] [--gazetteer FILE]... [--from-tags] [--types T,...]
 * [--ignore-case] [--dry-run] [--json] [--jobs N]`: adds suggested tags to the sidecars' `suggestions:`
 * lists, from gazetteers (TSV or CSV: name, type, optional KB id) and/or the names the corpus
 * already tags. Never touches `annotations:`; rejected suggestions are never made again.
 */
import path from 'node:path';
import type { Problem } from '../../core/problem';
import type { GazetteerEntry } from '../../core/suggest/gazetteerEntry';
import { readGazetteerFile } from '../../node/readGazetteerFile';
import { suggestInWorkers } from '../../node/suggestInWorkers';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs, listOption } from '../commandArgs';
import { jobsOption } from '../jobsOption';
import { openForCommand } from '../loadForCommand';
import { displayPath, plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function suggestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, {
    gazetteer: { type: 'string', multiple: true },
    'from-tags': { type: 'boolean' },
    types: { type: 'string' },
    'ignore-case': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  if (!parsed.ok) return usageError(io, 'suggest', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['suggest']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'suggest', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const gazetteers = (parsed.values['gazetteer'] as unknown as string[] | undefined) ?? [];
  const fromTags = parsed.values['from-tags'] === true;
  if (gazetteers.length === 0 && !fromTags) return usageError(io, 'suggest', 'give at least one --gazetteer FILE, or --from-tags');
  const types = listOption(parsed.values['types']);
  if (parsed.values['types'] !== undefined && (types === undefined || types.length === 0)) return usageError(io, 'suggest', '--types needs a comma-separated list of entity types');
  const jobs = jobsOption(parsed.values['jobs']);
  if ('message' in jobs) return usageError(io, 'suggest', jobs.message);

  const opened = await openForCommand(io, parsed.positionals[0]);
  if ('exitCode' in opened) return opened.exitCode;
  const { corpus, display } = opened;
  const dryRun = parsed.values['dry-run'] === true;

  const entries: GazetteerEntry[] = [];
  const gazetteerProblems: Problem[] = [];
  const sourceFiles = new Map<string, string>();
  for (const gazetteer of gazetteers) {
    const file = path.resolve(io.cwd, gazetteer);
    const shownAs = displayPath(io.cwd, file);
    const read = await readGazetteerFile(file, shownAs);
    entries.push(...read.entries);
    gazetteerProblems.push(...read.problems);
    sourceFiles.set(`gazetteer:${path.basename(file)}`, shownAs);
  }
  if (gazetteerProblems.some((item) => item.code === 'gazetteer-unreadable')) {
    io.stdout(problemLines(gazetteerProblems));
    return exitCodes.failure;
  }

  const progress = createProgress(io, dryRun ? 'Suggesting (dry run):' : 'Suggesting:');
  const outcome = await suggestInWorkers(corpus, corpus.files, {
    entries,
    fromTags,
    ignoreCase: parsed.values['ignore-case'] === true,
    ...(types === undefined ? {} : { types: new Set(types) }),
    knownTypes: corpus.knownTypes,
    sourceFiles,
    dryRun,
    label: 'Suggest',
    progress: { report: (done, total) => progress.update(done, total), isCancelled: () => false },
  }, { threads: jobs.threads });
  progress.finish();
  if ('error' in outcome) {
    io.stderr(`news-annotator suggest: ${outcome.error}\n`);
    return exitCodes.failure;
  }

  const fromGazetteers = [...gazetteerProblems, ...outcome.problems.filter((item) => item.code.startsWith('gazetteer-'))];
  const fromCorpus = withDisplayPath(outcome.problems.filter((item) => !item.code.startsWith('gazetteer-')), display);
  const problems = [...fromGazetteers, ...sortProblems(fromCorpus)];
  // A skipped sidecar or a failed write is a failure; unknown types and bad rows are not.
  const failed = outcome.problems.some((item) => item.severity === 'error' || item.code === 'suggest-skipped');
  if (parsed.values['json'] === true) {
    const report = {
      dryRun,
      names: outcome.names,
      added: outcome.added,
      files: outcome.files.map((file) => ({ path: display(file.textPath), added: file.added })),
      problems: problems.map(({ code, severity, message, file, line, column }) => ({ code, severity, message, file, line, column })),
    };
    io.stdout(JSON.stringify(report, null, 2) + '\n');
  } else {
    io.stdout(problemLines(problems));
    for (const file of outcome.files) io.stdout(`${display(file.textPath)}: ${plural(file.added, 'suggestion')}\n`);
    const verb = dryRun ? 'would be added (dry run, nothing written)' : 'added';
    io.stdout(`${plural(outcome.added, 'suggestion')} ${verb} in ${plural(outcome.files.length, 'file')} of ${corpus.files.length}, from ${plural(outcome.names, 'name')}.\n`);
  }
  return failed ? exitCodes.failure : exitCodes.success;
}
