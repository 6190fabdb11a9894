/**
 * `news-annotator merge-file BASE OURS THEIRS [PATH] [--marker-size N]`: the merge driver git
 * runs for `*.ann.yaml` (set up by `merge-driver install`). Writes the result to OURS. Exit 0 on
 * a clean merge, 1 when conflicts are left (only the conflicting entries carry markers) or when
 * a version was not a readable sidecar and git's line merge ran instead.
 */
import { printable } from '../../core/text/printable';
import { mergeSidecarFiles } from '../../node/mergeSidecarFiles';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { plural } from '../problemOutput';
import { commandUsage } from '../usage';
import { usageError } from './usageError';
import path from 'node:path';

export async function mergeFileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, { 'marker-size': { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'merge-file', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['merge-file']);
    return exitCodes.success;
  }
  const files = parsed.positionals;
  if (files.length < 3 || files.length > 4) return usageError(io, 'merge-file', `expected BASE OURS THEIRS [PATH], got ${files.length} arguments`);
  const sizeOption = parsed.values['marker-size'];
  const markerSize = typeof sizeOption === 'string' ? Number(sizeOption) : undefined;
  if (markerSize !== undefined && !(Number.isInteger(markerSize) && markerSize > 0 && markerSize <= 100)) {
    return usageError(io, 'merge-file', `--marker-size must be a whole number from 1 to 100, got '${String(sizeOption)}'`);
  }
  const [base, ours, theirs] = files.map((file) => path.resolve(io.cwd, file));
  const display = files[3] ?? files[1];
  const outcome = await mergeSidecarFiles({ base, ours, theirs, file: display, markerSize });
  const say = (text: string) => io.stderr(printable(`news-annotator merge-file: ${display}: ${text}`) + '\n');
  switch (outcome.kind) {
    case 'merged':
      for (const note of outcome.notes) say(note);
      if (outcome.conflicts === 0) return exitCodes.success;
      say(`${plural(outcome.conflicts, 'conflict')} left (entries changed differently on both sides), marked in the file`);
      return exitCodes.failure;
    case 'line-merge':
      say(`not merged by annotation: ${outcome.reason}; used git's line merge instead${outcome.clean ? ' (no conflicting lines, but check the file)' : ''}`);
      return exitCodes.failure;
    case 'failed':
      say(`not merged: ${outcome.reason}; the file is left as ours`);
      return exitCodes.failure;
  }
}
