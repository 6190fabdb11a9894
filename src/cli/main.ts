/** Entry point of `news-annotator` (bundled into dist/cli.js): runs the command line on this process. */
import { internalError, run } from './run';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  cwd: process.cwd(),
  isTerminal: process.stderr.isTTY === true,
};

// Whatever escapes a command (an error thrown from a callback, a rejected promise nobody awaited)
// still ends in one line and exit code 2, not a stack.
const command = process.argv[2];
process.on('uncaughtException', (error) => process.exit(internalError(io, command, error)));
process.on('unhandledRejection', (error) => process.exit(internalError(io, command, error)));

// `news-annotator stats | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exit(2);
  });
}

void run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
