/**
 * The command line and the index loader bundled the way dist/ ships them (one esbuild bundle, with
 * the worker threads' bundles beside it, where the code looks for them), for the figures that time
 * them. The one-to-one transpiled files under out/ call from module to module through getters; a
 * cold `stats` ran about a tenth slower through them than through the bundle users run.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { run } from '../../src/cli/run';
import type { loadCorpusIndex } from '../../src/node/corpusIndexLoader';

export interface BundledCode {
  run: typeof run;
  loadCorpusIndex: typeof loadCorpusIndex;
  /** The bundle's file, for a child process to load. */
  file: string;
}

const workers = ['summaryWorker', 'suggestWorker', 'agreeWorker', 'indexWorker'];
let bundled: BundledCode | undefined;

/** Built once per bench process, into a temporary folder removed when the process ends. */
export function bundledCode(): BundledCode {
  if (bundled !== undefined) return bundled;
  const root = path.resolve(__dirname, '..', '..', '..');
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-bundle-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  const options = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', absWorkingDir: root } as const;
  const entry = ["export { run } from './src/cli/run';", "export { loadCorpusIndex } from './src/node/corpusIndexLoader';"].join('\n');
  const file = path.join(folder, 'bundled.js');
  buildSync({ ...options, stdin: { contents: entry, resolveDir: root, loader: 'ts' }, outfile: file });
  for (const worker of workers) buildSync({ ...options, entryPoints: [path.join(root, 'src', 'node', `${worker}.ts`)], outfile: path.join(folder, `${worker}.js`) });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundled = { ...(require(file) as Omit<BundledCode, 'file'>), file };
  return bundled;
}
