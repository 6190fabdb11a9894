/** `news-annotator stats [DIR] [--json]`: counts per status, type, annotator and file. */
import type { CorpusStats } from '../../core/corpus/corpusStats';
import { statsOfSummaries } from '../../core/index/fileSummary';
import { printable } from '../../core/text/printable';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { jobsOption } from '../jobsOption';
import { summariseForCommand } from '../loadForCommand';
import { problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function statsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, jobs: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'stats', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['stats']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'stats', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const jobs = jobsOption(parsed.values['jobs']);
  if ('message' in jobs) return usageError(io, 'stats', jobs.message);
  const loaded = await summariseForCommand(io, parsed.positionals[0], { cache: parsed.values['no-cache'] !== true, threads: jobs.threads });
  if ('exitCode' in loaded) return loaded.exitCode;
  const { corpus, summaries, display } = loaded;
  const stats = statsOfSummaries(summaries, corpus.config.types.map((type) => type.name));
  const failures = summaries.filter((summary) => !summary.readable);
  io.stdout(parsed.values['json'] === true ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats));
  if (failures.length > 0) {
    // Counts without these files would look complete; say so and fail.
    io.stderr(problemLines(sortProblems(withDisplayPath(failures.flatMap((failure) => failure.problems), display))));
    io.stderr(`${failures.length} file(s) could not be read and are not counted.\n`);
    return exitCodes.failure;
  }
  return exitCodes.success;
}

export function formatStats(stats: CorpusStats): string {
  const out: string[] = [];
  out.push(`Files: ${stats.files} (${stats.filesWithSidecar} with a sidecar${stats.unreadable > 0 ? `, ${stats.unreadable} unreadable` : ''})`);
  out.push(`Annotations: ${stats.annotations}${stats.unplaced > 0 ? ` (${stats.unplaced} unplaced: orphaned or fuzzy, see validate)` : ''}`);
  if (stats.suggestions !== undefined) out.push(`Open suggestions: ${stats.suggestions} (accept or reject them in the editor)`);
  const annotators = Object.entries(stats.annotators).sort(([, left], [, right]) => right - left);
  const files = stats.perFile.map((file) => [file.path, file.hasSidecar ? file.status : '-', String(file.annotations), String(file.unplaced), typeSummary(file.types)]);
  const tables = [
    table(['Status', 'Files'], Object.entries(stats.statuses).map(([name, count]) => [name, String(count)])),
    table(['Type', 'Annotations'], Object.entries(stats.types).map(([name, count]) => [name, String(count)])),
    table(['Annotator', 'Annotations'], annotators.map(([name, count]) => [name, String(count)])),
    ...(stats.relations === undefined ? [] : [table(['Relation', 'Count'], Object.entries(stats.relations).sort(([left], [right]) => (left < right ? -1 : 1)).map(([name, count]) => [name, String(count)]))]),
    table(['File', 'Status', 'Annotations', 'Unplaced', 'Types'], files),
  ];
  for (const rows of tables) {
    out.push('');
    for (const row of rows) out.push(row);
  }
  return out.map((row) => printable(row) + '\n').join('');
}

function typeSummary(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/** Columns padded to their widest cell (counted in code points); numbers right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  // A loop, not Math.max(...rows): a corpus of 200,000 files overflows a call's arguments.
  const widths = header.map((title, column) => rows.reduce((widest, row) => Math.max(widest, shownLength(row[column])), shownLength(title)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^\d+$/.test(row[column])));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column] - shownLength(cell));
        return numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header)].concat(rows.map(line));
}

/** Code points of a cell as printed (escapes included), for the column widths. */
function shownLength(cell: string): number {
  return Array.from(printable(cell)).length;
}
