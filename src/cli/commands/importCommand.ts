/** `news-annotator import [DIR] --format F --from P`: brings annotations into the corpus. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyImport } from '../../core/import/applyImport';
import { importFormats, type ImportFormat, type ImportRead } from '../../core/import/importTypes';
import { readBratCollection } from '../../core/import/readBratCollection';
import { readDoccanoJsonl } from '../../core/import/readDoccanoJsonl';
import { readYamlExport } from '../../core/import/readYamlExport';
import { countBySeverity, displayPath, plural, problemLines, sortProblems, withDisplayPath } from '../problemOutput';
import { ConfinedFileSystem } from '../../node/confinedFileSystem';
import { listFilesEndingWith } from '../../node/listFilesEndingWith';
import type { OpenCorpus } from '../../node/openCorpus';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { openForCommand } from '../loadForCommand';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, {
    format: { type: 'string' },
    from: { type: 'string' },
    offsets: { type: 'string' },
    annotator: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  if (!parsed.ok) return usageError(io, 'import', parsed.message);
  const { values, positionals } = parsed;
  if (values['help'] === true) {
    io.stdout(commandUsage['import']);
    return exitCodes.success;
  }
  const format = values['format'];
  if (typeof format !== 'string' || !(importFormats as readonly string[]).includes(format)) {
    return usageError(io, 'import', format === undefined ? '--format is required' : `unknown format "${String(format)}"; use one of ${importFormats.join(', ')}`);
  }
  if (typeof values['from'] !== 'string' || values['from'] === '') return usageError(io, 'import', '--from is required');
  if (positionals.length > 1) return usageError(io, 'import', `expected at most one folder, got ${positionals.length} arguments`);
  const offsets = values['offsets'];
  if (offsets !== undefined && offsets !== 'codepoint' && offsets !== 'utf16') return usageError(io, 'import', '--offsets is codepoint or utf16');
  if (offsets !== undefined && format !== 'jsonl') return usageError(io, 'import', '--offsets applies to --format jsonl only');

  const opened = await openForCommand(io, positionals[0]);
  if ('exitCode' in opened) return opened.exitCode;
  const { corpus, display } = opened;
  const from = path.resolve(io.cwd, values['from']);
  const read = await readSource(format as ImportFormat, from, corpus, io, offsets === 'utf16' ? 'utf16' : 'codepoint');
  if (typeof read === 'string') {
    io.stderr(`news-annotator import: ${read}\n`);
    return exitCodes.failure;
  }
  const dryRun = values['dry-run'] === true;
  const progress = createProgress(io, 'Importing:');
  const report = await applyImport(read.documents, {
    corpus: corpus.fileSystem,
    store: corpus.workspace,
    knownTypes: corpus.knownTypes,
    isCorpusFile: corpus.matcher,
    writeRefusal: (file) => corpus.fileSystem.writeRefusal(file),
    dryRun,
    annotator: typeof values['annotator'] === 'string' ? values['annotator'] : undefined,
    onProgress: progress.update,
  });
  progress.finish();

  const problems = sortProblems([...read.problems, ...report.sourceProblems, ...withDisplayPath(report.corpusProblems, display)]);
  io.stderr(problemLines(problems));
  const skipped = 'skipped' in read && typeof read.skipped === 'number' && read.skipped > 0 ? `; ${plural(read.skipped, 'equivalence (*) line')} not imported (sidecars do not hold equivalences)` : '';
  const verb = dryRun ? 'Would import' : 'Imported';
  io.stdout(
    `${verb} ${plural(report.documents, 'document')}: ${plural(report.added, 'annotation')} added, ${report.present} already present, ${plural(report.conflicts, 'conflict')}, ${report.rejected} rejected` +
      `; ${plural(report.createdTexts.length, 'text file')} ${dryRun ? 'to create' : 'created'}, ${plural(report.sidecarsWritten, 'sidecar')} written${skipped}.` +
      (dryRun ? ' (Dry run: nothing was written.)' : '') +
      '\n',
  );
  const { errors } = countBySeverity(problems);
  return errors > 0 || report.refused > 0 || report.rejected > 0 ? exitCodes.failure : exitCodes.success;
}

async function readSource(format: ImportFormat, from: string, corpus: OpenCorpus, io: CliIo, offsets: 'codepoint' | 'utf16'): Promise<ImportRead | string> {
  const status = await fs.stat(from).catch(() => undefined);
  if (status === undefined) return `${displayPath(io.cwd, from)} does not exist.`;
  if (format === 'brat') {
    if (!status.isDirectory()) return `${displayPath(io.cwd, from)} is not a folder; --from names the brat folder (X.txt and X.ann files, in any subfolders).`;
    // .ann entries that are links, FIFOs and the like are read too, through the confined file
    // system, which refuses each with a problem line that says what it is.
    const setAside: string[] = [];
    const listed = await listFilesEndingWith(from, '.ann', (file) => setAside.push(file));
    const annFiles = [...listed, ...setAside].sort();
    if (annFiles.length === 0) return `${displayPath(io.cwd, from)} holds no brat .ann files.`;
    return readBratCollection({
      source: await ConfinedFileSystem.open(from, { readOnly: true, rootName: 'brat folder' }),
      annFiles,
      corpus: corpus.fileSystem,
      displayPath: (relative) => displayPath(io.cwd, path.join(from, relative)),
    });
  }
  if (status.isDirectory()) return `${displayPath(io.cwd, from)} is a folder; --from names the ${format} file for this format.`;
  // A FIFO or a device would make the read wait for ever, or never end.
  if (!status.isFile()) return `${displayPath(io.cwd, from)} is not a regular file; --from names the ${format} file for this format.`;
  const file = displayPath(io.cwd, from);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(from);
  } catch (error) {
    return `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  const content = new TextDecoder('utf-8').decode(bytes);
  if (format === 'yaml') return readYamlExport(content, file);
  return readDoccanoJsonl(content, file, { offsets, stem: path.basename(from).replace(/\.[^.]*$/, '') || 'imported' });
}
