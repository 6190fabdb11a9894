/** `--jobs N`: how many threads a command reads with; undefined when not given (the command decides). */
export function jobsOption(value: string | boolean | undefined): { threads: number | undefined } | { message: string } {
  if (value === undefined) return { threads: undefined };
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) return { message: `--jobs needs a whole number from 1 to 64, got "${String(value)}"` };
  return { threads };
}
