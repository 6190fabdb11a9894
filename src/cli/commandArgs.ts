/**
 * Argument parsing for one command with `node:util`'s parseArgs. Bad usage comes back as a
 * message (exit code 2), never as an exception.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs = { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] } | { ok: false; message: string };

export function commandArgs(args: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A comma-separated option as a list of non-empty items. */
export function listOption(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
