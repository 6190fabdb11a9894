/** `news-annotator export [DIR] --format F --out P`: writes the corpus in another tool's format. */
import path from 'node:path';
import { exportCorpus, selectDocuments } from '../../core/export/exportCorpus';
import { exportFormats, type ExportFormat } from '../../core/export/exportTypes';
import { sidecarStatuses, type SidecarStatus } from '../../core/sidecar/model';
import { writeExport } from '../../node/writeExport';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs, listOption } from '../commandArgs';
import { loadForCommand } from '../loadForCommand';
import { displayPath, line, plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    status: { type: 'string' },
    all: { type: 'boolean' },
    offsets: { type: 'string' },
    force: { type: 'boolean' },
    'with-suggestions': { type: 'boolean' },
  });
  if (!parsed.ok) return usageError(io, 'export', parsed.message);
  const { values, positionals } = parsed;
  if (values['help'] === true) {
    io.stdout(commandUsage['export']);
    return exitCodes.success;
  }
  const format = values['format'];
  if (typeof format !== 'string' || !(exportFormats as readonly string[]).includes(format)) {
    return usageError(io, 'export', format === undefined ? '--format is required' : `unknown format "${String(format)}"; use one of ${exportFormats.join(', ')}`);
  }
  if (typeof values['out'] !== 'string' || values['out'] === '') return usageError(io, 'export', '--out is required');
  if (positionals.length > 1) return usageError(io, 'export', `expected at most one folder, got ${positionals.length} arguments`);
  const statuses = listOption(values['status']);
  const unknownStatus = statuses?.find((status) => !(sidecarStatuses as readonly string[]).includes(status));
  if (unknownStatus !== undefined) return usageError(io, 'export', `unknown status "${unknownStatus}"; use ${sidecarStatuses.join(', ')}`);
  const offsets = values['offsets'];
  if (offsets !== undefined && offsets !== 'codepoint' && offsets !== 'utf16') return usageError(io, 'export', '--offsets is codepoint or utf16');
  if (offsets !== undefined && format !== 'jsonl') return usageError(io, 'export', '--offsets applies to --format jsonl only');
  const withSuggestions = values['with-suggestions'] === true;
  if (withSuggestions && format !== 'yaml') return usageError(io, 'export', '--with-suggestions applies to --format yaml only (other formats never hold suggestions)');

  const loaded = await loadForCommand(io, positionals[0]);
  if ('exitCode' in loaded) return loaded.exitCode;
  const { corpus, load, display } = loaded;
  const documents = selectDocuments(load.documents, {
    statuses: statuses === undefined ? undefined : new Set(statuses as SidecarStatus[]),
    withoutSidecar: values['all'] === true,
  });
  const result = exportCorpus(format as ExportFormat, { documents, config: corpus.config, offsets, ...(withSuggestions ? { withSuggestions } : {}) });
  const out = path.resolve(io.cwd, values['out']);
  const refusal = await writeExport(result, { out, corpusRoot: corpus.root, isCorpusFile: corpus.matcher, force: values['force'] === true });
  if (refusal !== undefined) {
    io.stderr(line(`news-annotator export: ${refusal}`));
    return exitCodes.failure;
  }

  // Files that could not be read, or sidecars read only in part, are missing from the export.
  const incomplete = [...load.failures.map((failure) => failure.path), ...documents.filter((document) => !document.loaded.writable).map((document) => document.path)];
  const incompleteProblems = [...load.failures.flatMap((failure) => failure.problems), ...documents.filter((document) => !document.loaded.writable).flatMap((document) => document.loaded.problems.filter((item) => item.severity === 'error'))];
  io.stderr(problemLines(sortProblems(withDisplayPath([...incompleteProblems, ...result.warnings], display))));
  for (const note of result.notes) io.stderr(line(`note: ${note}`));
  io.stdout(line(`Exported ${plural(result.documents, 'document')} and ${plural(result.annotations, 'annotation')} as ${format} to ${displayPath(io.cwd, out)}.`));
  if (incomplete.length > 0) {
    io.stderr(`news-annotator export: the export is incomplete: ${plural(incomplete.length, 'file')} could not be read in full (see the errors above; run validate).\n`);
    return exitCodes.failure;
  }
  return exitCodes.success;
}
