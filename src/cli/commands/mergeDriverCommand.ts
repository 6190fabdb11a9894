/**
 * `news-annotator merge-driver install [DIR] [--print]`: sets up the sidecar merge driver in the
 * git repository holding DIR. The driver command names this very node and this very script by
 * absolute path, so git can run it from any working directory (and without PATH).
 */
import path from 'node:path';
import { attributesLine } from '../../core/merge/driverSetup';
import { printable } from '../../core/text/printable';
import { installMergeDriver, planMergeDriver, type DriverLauncher } from '../../node/installMergeDriver';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function mergeDriverCommand(args: readonly string[], io: CliIo, launcher: DriverLauncher = thisCommandLine()): Promise<number> {
  const parsed = commandArgs(args, { print: { type: 'boolean' } });
  if (!parsed.ok) return usageError(io, 'merge-driver', parsed.message);
  if (parsed.values['help'] === true) {
    io.stdout(commandUsage['merge-driver']);
    return exitCodes.success;
  }
  const [action, folder, ...rest] = parsed.positionals;
  if (action !== 'install') return usageError(io, 'merge-driver', action === undefined ? 'expected install' : `unknown action '${action}' (expected install)`);
  if (rest.length > 0) return usageError(io, 'merge-driver', `expected at most one folder, got ${rest.length + 1}`);
  const target = path.resolve(io.cwd, folder ?? '.');

  if (parsed.values['print'] === true) {
    const plan = await planMergeDriver(target, launcher);
    if ('ok' in plan) return failure(io, plan.message);
    io.stdout([`# In ${plan.root}:`, ...plan.steps].map(printable).join('\n') + '\n');
    return exitCodes.success;
  }
  const outcome = await installMergeDriver(target, launcher);
  if (!outcome.ok) return failure(io, outcome.message);
  const lines = [`Set up the News Annotator merge driver in ${outcome.root}:`];
  if (outcome.attributesChanged) {
    lines.push(
      `  ${outcome.attributesFile}: added "${attributesLine}". Commit it, so every clone merges sidecars this way:`,
      `    git add .gitattributes && git commit -m "Merge sidecars by annotation id"`,
    );
  } else {
    lines.push(`  ${outcome.attributesFile}: already has "${attributesLine}".`);
  }
  lines.push(`  git config merge.news-annotator.driver (this repository only; each clone runs the install once):`, `    ${outcome.command}`);
  if (outcome.previousCommand !== undefined) lines.push(`  (it was: ${outcome.previousCommand})`);
  io.stdout(lines.map(printable).join('\n') + '\n');
  return exitCodes.success;
}

/** This node and this script: what runs now is what git will run. */
function thisCommandLine(): DriverLauncher {
  return { launcher: [process.execPath, path.resolve(process.argv[1] ?? 'news-annotator')] };
}

function failure(io: CliIo, message: string): number {
  io.stderr(printable(`news-annotator merge-driver: ${message}`) + '\n');
  return exitCodes.failure;
}
