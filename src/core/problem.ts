/**
 * Problems are values, never exceptions: the core reports what is wrong with an input and where,
 * and the edges (Problems panel, CLI `path:line:column: message`) decide how to show it.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Stable machine-readable code, e.g. `yaml-syntax`, `conflict-markers`, `text-mismatch`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the file the problem is in, as the caller named it (relative paths for the CLI). */
  readonly file: string;
  /** 1-based line and column (column counts code points) of where the problem starts. */
  readonly line: number;
  readonly column: number;
}

export function problem(
  code: string,
  message: string,
  file: string,
  line = 1,
  column = 1,
  severity: Severity = 'error',
): Problem {
  return { code, severity, message, file, line, column };
}

/** `path:line:column: message`, the form editors and CI link to. */
export function formatProblem(item: Problem): string {
  return `${item.file}:${item.line}:${item.column}: ${item.severity}: ${item.message}`;
}
