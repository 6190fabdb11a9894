/** `news-annotator stats [DIR] [--json]`: counts per status, type, annotator and file. */
import { corpusStats, type CorpusStats } from '../../core/corpus/corpusStats';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { loadForCommand } from '../loadForCommand';
import { problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function statsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { json: { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'stats', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['stats']);
    return exitCodes.success;
  }
  if (parsed.positionals.length > 1) return usageError(io, 'stats', `expected at most one folder, got ${parsed.positionals.length} arguments`);
  const loaded = await loadForCommand(io, parsed.positionals[0]);
  if ('exitCode' in loaded) return loaded.exitCode;
  const { corpus, load, display } = loaded;
  const stats = corpusStats(load, corpus.config.types.map((type) => type.name));
  io.stdout(parsed.values['json'] === true ? JSON.stringify(stats, null, 2) + '\n' : formatStats(stats));
  if (load.failures.length > 0) {
    // Counts without these files would look complete; say so and fail.
    io.stderr(problemLines(sortProblems(withDisplayPath(load.failures.flatMap((failure) => failure.problems), display))));
    io.stderr(`${load.failures.length} file(s) could not be read and are not counted.\n`);
    return exitCodes.failure;
  }
  return exitCodes.success;
}

export function formatStats(stats: CorpusStats): string {
  const out: string[] = [];
  out.push(`Files: ${stats.files} (${stats.filesWithSidecar} with a sidecar${stats.unreadable > 0 ? `, ${stats.unreadable} unreadable` : ''})`);
  out.push(`Annotations: ${stats.annotations}${stats.unplaced > 0 ? ` (${stats.unplaced} unplaced: orphaned or fuzzy, see validate)` : ''}`);
  out.push('', ...table(['Status', 'Files'], Object.entries(stats.statuses).map(([name, count]) => [name, String(count)])));
  out.push('', ...table(['Type', 'Annotations'], Object.entries(stats.types).map(([name, count]) => [name, String(count)])));
  const annotators = Object.entries(stats.annotators).sort(([, left], [, right]) => right - left);
  out.push('', ...table(['Annotator', 'Annotations'], annotators.map(([name, count]) => [name, String(count)])));
  const files = stats.perFile.map((file) => [file.path, file.hasSidecar ? file.status : '-', String(file.annotations), String(file.unplaced), typeSummary(file.types)]);
  out.push('', ...table(['File', 'Status', 'Annotations', 'Unplaced', 'Types'], files));
  return out.join('\n') + '\n';
}

function typeSummary(types: Record<string, number>): string {
  return Object.entries(types)
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

/** Columns padded to their widest cell (counted in code points); numbers right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max([...title].length, ...rows.map((row) => [...row[column]].length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^\d+$/.test(row[column])));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column] - [...cell].length);
        return numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
