/**
 * The `news-annotator` command line, callable in-process: `run(argv, io)` parses the command and
 * returns the exit code (0 success, 1 problems found or the operation failed, 2 bad usage).
 * main.ts calls it with the process's streams; tests call it with their own.
 */
import { printable } from '../core/text/printable';
import { exitCodes, type CliIo } from './cliIo';
import type { CorpusSearch } from './corpusSearch';
import { agreeCommand } from './commands/agreeCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { mergeDriverCommand } from './commands/mergeDriverCommand';
import { mergeFileCommand } from './commands/mergeFileCommand';
import { reanchorCommand } from './commands/reanchorCommand';
import { relinkCommand } from './commands/relinkCommand';
import { searchCommand } from './commands/searchCommand';
import { suggestCommand } from './commands/suggestCommand';
import { statsCommand } from './commands/statsCommand';
import { validateCommand } from './commands/validateCommand';
import { tagSearch } from './tagSearchAdapter';
import { mainUsage, version } from './usage';

export type { CliIo } from './cliIo';

export interface RunOptions {
  /** The search engine behind `search`; the editor's by default. */
  search?: CorpusSearch;
}

export async function run(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr(mainUsage);
        return exitCodes.usage;
      case '-h':
      case '--help':
      case 'help':
        io.stdout(mainUsage);
        return exitCodes.success;
      case '-v':
      case '--version':
        io.stdout(`news-annotator ${version}\n`);
        return exitCodes.success;
      case 'validate':
        return await validateCommand(rest, io);
      case 'stats':
        return await statsCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'relink':
        return await relinkCommand(rest, io);
      case 'reanchor':
        return await reanchorCommand(rest, io);
      case 'merge-file':
        return await mergeFileCommand(rest, io);
      case 'merge-driver':
        return await mergeDriverCommand(rest, io);
      case 'suggest':
        return await suggestCommand(rest, io);
      case 'search':
        return await searchCommand(rest, io, options.search ?? tagSearch);
      case 'agree':
        return await agreeCommand(rest, io);
      default:
        io.stderr(`${printable(`news-annotator: unknown command '${command}'`)}\n\n${mainUsage}`);
        return exitCodes.usage;
    }
  } catch (error) {
    return internalError(io, command, error);
  }
}

/**
 * The core reports problems as values; reaching here means a bug or a failing disk. The user gets
 * one line and exit code 2, never a JavaScript stack (NEWS_ANNOTATOR_DEBUG=1 prints it, for a report).
 */
export function internalError(io: Pick<CliIo, 'stderr'>, command: string | undefined, error: unknown): number {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`${printable(`news-annotator${command === undefined ? '' : ' ' + command}: internal error, nothing more was done: ${what}`)}\n`);
  if (process.env['NEWS_ANNOTATOR_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) io.stderr(error.stack + '\n');
  else io.stderr('Please report it with the command you ran; NEWS_ANNOTATOR_DEBUG=1 shows where it happened.\n');
  return exitCodes.usage;
}
