/**
 * Running git: always `execFile` with an argument list (never a shell), so paths with spaces,
 * quotes or `$` reach git as they are.
 */
import { execFile } from 'node:child_process';

export interface GitResult {
  /** git's exit code; -1 when git could not be started (not installed, not on PATH). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
      else resolve({ code: -1, stdout, stderr: stderr || error.message });
    });
  });
}

/** The top folder of the work tree holding `folder`, or undefined when it is in none. */
export async function repositoryRoot(folder: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--show-toplevel'], folder);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** A value from the repository's git config (any level git reads), or undefined when unset. */
export async function gitConfigValue(root: string, key: string): Promise<string | undefined> {
  const result = await runGit(['config', '--get', key], root);
  return result.code === 0 ? result.stdout.replace(/\r?\n$/, '') : undefined;
}
