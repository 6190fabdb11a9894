/** Runs the command line in-process and captures what it prints. */
import { copySampleCorpus, temporaryFolder } from '../export/exportTestSupport';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, type RunOptions } from '../../../src/cli/run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The command line's cache goes to a folder of this test process (removed at exit), never to the
 * user's own cache folder; a test names its own with `cacheHome`.
 */
const testCacheHome = mkdtempSync(path.join(tmpdir(), 'news-annotator-cli-cache-'));
process.on('exit', () => rmSync(testCacheHome, { recursive: true, force: true }));

export async function runCli(argv: string[], cwd: string, options: RunOptions & { isTerminal?: boolean; cacheHome?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, XDG_CACHE_HOME: options.cacheHome ?? testCacheHome };
  const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, isTerminal: options.isTerminal ?? false, env }, options);
  return { code, stdout, stderr };
}

/** Every file below a folder with the hash of its bytes and its modification time. */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(folder, relative))) {
      const child = relative === '' ? name : `${relative}/${name}`;
      const full = path.join(folder, child);
      const status = statSync(full);
      if (status.isDirectory()) walk(child);
      else result[child] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${status.mtimeMs}`;
    }
  };
  walk('');
  return result;
}

/** `path:line:column: severity: message`, as editors and CI link it. */
export const problemLine = /^[^\s:][^:]*:\d+:\d+: (error|warning|info): \S.*$/;

/**
 * A fresh copy of the sample corpus and an empty output folder for every test of the calling
 * `describe`, removed afterwards.
 */
export function useScratchFolders(): { readonly corpus: string; readonly out: string } {
  let corpus: { folder: string; remove: () => void } | undefined;
  let out: { folder: string; remove: () => void } | undefined;
  beforeEach(() => {
    corpus = copySampleCorpus();
    out = temporaryFolder();
  });
  afterEach(() => {
    corpus?.remove();
    out?.remove();
  });
  return {
    get corpus() {
      return corpus!.folder;
    },
    get out() {
      return out!.folder;
    },
  };
}
