/**
 * Progress on stderr for long runs, only when stderr is a terminal (a log file or CI gets none),
 * redrawn at most ten times a second and erased when done.
 */
import type { CliIo } from './cliIo';

export interface Progress {
  update: (done: number, total: number) => void;
  finish: () => void;
}

export function createProgress(io: CliIo, label: string, now: () => number = Date.now): Progress {
  if (!io.isTerminal) return { update: () => undefined, finish: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const time = now();
      if (done < total && time - last < 100) return;
      last = time;
      shown = true;
      io.stderr(`\r${label} ${done}/${total}`);
    },
    finish() {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
    },
  };
}
