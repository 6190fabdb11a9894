/**
 * Set-up for the hostile-corpus import tests: real temporary folders (symbolic links and FIFOs
 * need a real disk), a corpus beside a folder outside it, and a time guard for the budget.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '../export/exportTestSupport';
import { runCli, type CliRun } from '../cli/cliTestSupport';
import { budgetGuardMs } from '../../support/budget';

/** The budget of any single hostile file; a generous guard, the point is that the command ends. */
export const budgetMs = budgetGuardMs;

export interface HostileFolders {
  /** Holds corpus/, outside/, brat/ and secrets.env. */
  readonly top: string;
  readonly corpus: string;
  readonly outside: string;
  readonly brat: string;
  /** A file outside the corpus whose content must never be printed or copied. */
  readonly secrets: string;
}

export const secretContent = 'GITHUB_TOKEN=ghp_0123456789abcdefSECRET\n';

/** Fresh folders for every test of the calling `describe`, removed afterwards. */
export function useHostileFolders(): HostileFolders {
  let temporary: { folder: string; remove: () => void } | undefined;
  beforeEach(() => {
    temporary = temporaryFolder('hostile-');
    for (const folder of ['corpus', 'outside', 'brat']) mkdirSync(path.join(temporary.folder, folder));
    writeFileSync(path.join(temporary.folder, 'corpus', 'a.txt'), 'Ana Paz flew to Lima.\n');
    writeFileSync(path.join(temporary.folder, 'secrets.env'), secretContent);
  });
  afterEach(() => temporary?.remove());
  const top = () => temporary!.folder;
  return {
    get top() {
      return top();
    },
    get corpus() {
      return path.join(top(), 'corpus');
    },
    get outside() {
      return path.join(top(), 'outside');
    },
    get brat() {
      return path.join(top(), 'brat');
    },
    get secrets() {
      return path.join(top(), 'secrets.env');
    },
  };
}

/** Runs the command line in `cwd` and checks it ended within the budget. */
export async function runWithinBudget(argv: string[], cwd: string): Promise<CliRun & { ms: number }> {
  const started = performance.now();
  const result = await runCli(argv, cwd);
  const ms = performance.now() - started;
  assert.ok(ms < budgetMs, `${argv.join(' ')} took ${Math.round(ms)} ms`);
  return { ...result, ms };
}

export function makeFifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** Every entry below a folder, recursively, relative and sorted (links listed, not followed). */
export function entriesBelow(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).map((entry) => entry.split(path.sep).join('/')).sort();
}

/** The printed lines that are not progress or summary: one per problem. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
