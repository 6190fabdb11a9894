import { printable } from '../../core/text/printable';
import { exitCodes, type CliIo } from '../cliIo';
import { commandUsage } from '../usage';

/** Prints what was wrong and the command's help on stderr; exit code 2. */
export function usageError(io: CliIo, command: string, message: string): number {
  io.stderr(`${printable(`news-annotator ${command}: ${message}`)}\n\n${commandUsage[command] ?? ''}`);
  return exitCodes.usage;
}
