/** What a command needs from the process; tests pass their own and read what was written. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The folder relative paths on the command line are taken from. */
  cwd: string;
  /** Whether stderr is a terminal: progress is shown only then. */
  isTerminal: boolean;
  /** The environment (XDG_CACHE_HOME, HOME: where the cache lives); the process's by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 success, 1 problems found or the operation failed, 2 bad usage or an internal error (a bug). */
export const exitCodes = { success: 0, failure: 1, usage: 2 } as const;
