/**
 * Sets up the sidecar merge driver in the git repository holding a folder: the `.gitattributes`
 * line at the repository's top (to be committed, so everyone who clones gets it) and the driver
 * in that repository's own config (never committed: git does not run commands from a clone).
 * Used by `news-annotator merge-driver install` and by the editor's "Set Up Git Merging".
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { attributesLine, commandPaths, driverCommand, mergeDriverDescription, mergeDriverName, withAttributesLine } from '../core/merge/driverSetup';
import { gitConfigValue, repositoryRoot, runGit } from './git';

export interface DriverLauncher {
  /** Absolute program and script, e.g. [node, /…/dist/cli.js]. */
  readonly launcher: readonly string[];
  /** Variables set in front of the command, e.g. ELECTRON_RUN_AS_NODE=1. */
  readonly environment?: Readonly<Record<string, string>>;
}

export type InstallOutcome =
  | {
      readonly ok: true;
      readonly root: string;
      readonly attributesFile: string;
      /** Whether `.gitattributes` got the line now (false: it was there already). */
      readonly attributesChanged: boolean;
      readonly command: string;
      /** The driver command configured before, when it was a different one. */
      readonly previousCommand: string | undefined;
    }
  | { readonly ok: false; readonly message: string };

const nameKey = `merge.${mergeDriverName}.name`;
const driverKey = `merge.${mergeDriverName}.driver`;

export interface SetupPlan {
  readonly root: string;
  readonly attributesFile: string;
  readonly command: string;
  /** The steps as shell commands a person could run (for `--print`). */
  readonly steps: readonly string[];
}

export async function planMergeDriver(folder: string, launcher: DriverLauncher): Promise<SetupPlan | { ok: false; message: string }> {
  if (!existsSync(folder)) return { ok: false, message: `no such folder: ${folder}` };
  const root = await repositoryRoot(folder);
  if (root === undefined) return { ok: false, message: `${folder} is not in a git repository (or git is not installed)` };
  const command = driverCommand(launcher.launcher, launcher.environment);
  const attributesFile = path.join(root, '.gitattributes');
  return {
    root,
    attributesFile,
    command,
    steps: [
      `echo '${attributesLine}' >> .gitattributes`,
      `git config ${nameKey} '${mergeDriverDescription}'`,
      `git config ${driverKey} '${command.replace(/'/g, `'\\''`)}'`,
    ],
  };
}

export async function installMergeDriver(folder: string, launcher: DriverLauncher): Promise<InstallOutcome> {
  const plan = await planMergeDriver(folder, launcher);
  if ('ok' in plan) return plan;
  let existing: string | undefined;
  try {
    existing = await readFile(plan.attributesFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, message: `cannot read ${plan.attributesFile}: ${String(error)}` };
  }
  const attributes = withAttributesLine(existing);
  if (attributes.changed) await writeFile(plan.attributesFile, attributes.text, 'utf8');
  const previous = await gitConfigValue(plan.root, driverKey);
  for (const [key, value] of [
    [nameKey, mergeDriverDescription],
    [driverKey, plan.command],
  ] as const) {
    const result = await runGit(['config', '--local', key, value], plan.root);
    if (result.code !== 0) return { ok: false, message: `git config ${key} failed: ${result.stderr.trim()}` };
  }
  return {
    ok: true,
    root: plan.root,
    attributesFile: plan.attributesFile,
    attributesChanged: attributes.changed,
    command: plan.command,
    previousCommand: previous !== undefined && previous !== plan.command ? previous : undefined,
  };
}

/** Whether the repository holding `root` has a driver command configured for sidecars. */
export async function configuredDriver(root: string): Promise<string | undefined> {
  return gitConfigValue(root, driverKey);
}

export type DriverState =
  | { readonly kind: 'not-a-repository' }
  | { readonly kind: 'missing'; readonly root: string }
  /** Configured, but a program or script it names is gone (the editor or extension moved). */
  | { readonly kind: 'stale'; readonly root: string; readonly command: string }
  | { readonly kind: 'configured'; readonly root: string; readonly command: string };

/** Whether the repository holding `folder` has a working driver for sidecars. */
export async function mergeDriverState(folder: string): Promise<DriverState> {
  const root = await repositoryRoot(folder);
  if (root === undefined) return { kind: 'not-a-repository' };
  const command = await configuredDriver(root);
  if (command === undefined) return { kind: 'missing', root };
  return commandPaths(command).every((file) => existsSync(file)) ? { kind: 'configured', root, command } : { kind: 'stale', root, command };
}
