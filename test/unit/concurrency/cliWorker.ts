/** Runs the command line in a process of its own (for tests that need two at once). */
import { run } from '../../../src/cli/run';

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTerminal: false,
}).then((code) => process.exit(code));
