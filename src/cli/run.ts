/**
 * The `news-annotator` command line, callable in-process: `run(argv, io)` parses the command and
 * returns the exit code (0 success, 1 problems found or the operation failed, 2 bad usage).
 * main.ts calls it with the process's streams; tests call it with their own.
 */
import { exitCodes, type CliIo } from './cliIo';
import type { CorpusSearch } from './corpusSearch';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { reanchorCommand } from './commands/reanchorCommand';
import { searchCommand } from './commands/searchCommand';
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
      case 'reanchor':
        return await reanchorCommand(rest, io);
      case 'search':
        return await searchCommand(rest, io, options.search ?? tagSearch);
      default:
        io.stderr(`news-annotator: unknown command '${command}'\n\n${mainUsage}`);
        return exitCodes.usage;
    }
  } catch (error) {
    // The core reports problems as values; reaching here means a bug or a failing disk.
    io.stderr(`news-annotator ${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCodes.failure;
  }
}
