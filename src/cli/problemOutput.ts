/**
 * Problems as the command line prints them: `path:line:column: severity: message`, one per line,
 * with paths relative to the current folder so editors and CI can open them.
 */
import path from 'node:path';
import { formatProblem, type Problem } from '../core/problem';
import { printable } from '../core/text/printable';

/** Maps a path relative to the corpus root to one relative to the current folder. */
export function corpusDisplayPath(cwd: string, root: string): (file: string) => string {
  return (file) => displayPath(cwd, path.resolve(root, file));
}

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative;
}

export function withDisplayPath(problems: readonly Problem[], display: (file: string) => string): Problem[] {
  return problems.map((item) => ({ ...item, file: display(item.file) }));
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((left, right) => (left.file < right.file ? -1 : left.file > right.file ? 1 : left.line - right.line || left.column - right.column));
}

/**
 * One line per problem, whatever the message quotes: a file name or a sidecar's text can hold line
 * breaks, escape sequences or bidirectional overrides, which are shown escaped (printable.ts).
 */
export function problemLines(problems: readonly Problem[]): string {
  return problems.map((item) => printable(formatProblem(item)) + '\n').join('');
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  return {
    errors: problems.filter((item) => item.severity === 'error').length,
    warnings: problems.filter((item) => item.severity === 'warning').length,
  };
}

/** One line of text for the terminal, with anything it quotes from files escaped. */
export function line(text: string): string {
  return printable(text) + '\n';
}

export function plural(count: number, word: string, many = word + 's'): string {
  return `${count} ${count === 1 ? word : many}`;
}
