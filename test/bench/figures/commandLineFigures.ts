/**
 * `stats` and `validate` as a person runs them, in this process through the command line's own
 * entry (`run`), cold (no cache yet: read everything, write the cache) and again (cache valid),
 * beside the baselines the targets name: reading every sidecar and text plus JSON.parse of the
 * same annotations, and reading the sidecars alone. Baselines read synchronously, the fastest
 * way Node has to read many small files, so the ratios are not flattered.
 */
import { lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundledCode } from '../bundledCode';
import type { CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, timeOnce } from '../measure';
import type { Figure } from '../report';

export interface CommandLineTimes {
  readSidecarsAndTexts: number;
  readSidecars: number;
  /** lstat of every text and sidecar: what any cache that notices changed files must do at least. */
  statEveryFile: number;
  statsCold: number;
  /** The same in one thread (`--jobs 1`), for the record; NaN unless measured. */
  statsColdOneThread: number;
  statsWarm: number;
  /** NaN unless measured. */
  validateCold: number;
  validateWarm: number;
}

async function runQuietly(argv: string[], cacheHome: string): Promise<void> {
  let stderr = '';
  const code = await bundledCode().run(argv, { stdout: () => undefined, stderr: (text) => (stderr += text), cwd: '/', isTerminal: false, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  if (code === 2) throw new Error(`news-annotator ${argv.join(' ')} failed: ${stderr}`);
}

export async function commandLineTimes(corpus: CorpusOnDisk, commands: ReadonlyArray<'stats' | 'validate'> = ['stats', 'validate']): Promise<CommandLineTimes> {
  const sidecars = corpus.files.map((file) => path.join(corpus.root, `${file}.ann.yaml`));
  const texts = corpus.files.map((file) => path.join(corpus.root, file));
  const twins = corpus.files.map((file) => path.join(corpus.jsonRoot, `${file}.json`));
  bundledCode(); // built before anything is timed
  // Warm the page cache, as on a machine where the corpus was just used.
  for (const file of [...sidecars, ...texts, ...twins]) readFileSync(file);
  collectGarbage();
  const readSidecarsAndTexts = await timeOnce(() => {
    for (let index = 0; index < sidecars.length; index++) {
      readFileSync(sidecars[index]);
      readFileSync(texts[index]);
      JSON.parse(readFileSync(twins[index], 'utf8'));
    }
  });
  collectGarbage();
  const readSidecars = await timeOnce(() => {
    for (const file of sidecars) readFileSync(file);
  });
  collectGarbage();
  const statEveryFile = await timeOnce(() => {
    for (let index = 0; index < sidecars.length; index++) {
      lstatSync(texts[index]);
      lstatSync(sidecars[index]);
    }
  });
  const times: CommandLineTimes = { readSidecarsAndTexts, readSidecars, statEveryFile, statsCold: Number.NaN, statsColdOneThread: Number.NaN, statsWarm: Number.NaN, validateCold: Number.NaN, validateWarm: Number.NaN };
  for (const command of commands) {
    const cacheHome = mkdtempSync(path.join(tmpdir(), 'bench-cli-cache-'));
    try {
      const argv = command === 'stats' ? ['stats', corpus.root, '--json'] : ['validate', corpus.root];
      // One untimed run without the cache first: "cold" is about the cache, not about V8's JIT,
      // which a first in-process run would otherwise be measuring (the long-article figures
      // time whole new processes instead).
      await runQuietly([...argv, '--no-cache'], cacheHome);
      collectGarbage();
      times[`${command}Cold`] = await timeOnce(() => runQuietly(argv, cacheHome));
      collectGarbage();
      times[`${command}Warm`] = await timeOnce(() => runQuietly(argv, cacheHome));
      if (command === 'stats') {
        rmSync(cacheHome, { recursive: true, force: true });
        collectGarbage();
        times.statsColdOneThread = await timeOnce(() => runQuietly([...argv, '--jobs', '1'], cacheHome));
      }
    } finally {
      rmSync(cacheHome, { recursive: true, force: true });
    }
  }
  return times;
}

export async function commandLineFigures(corpus: CorpusOnDisk): Promise<{ figures: Figure[]; times: CommandLineTimes }> {
  const label = `${corpus.files.length.toLocaleString('en')} docs, ${corpus.annotations.toLocaleString('en')} annotations`;
  const times = await commandLineTimes(corpus);
  const both = 'read every sidecar and text + JSON.parse of the same annotations';
  const sidecarsOnly = 'read the sidecars';
  const figures: Figure[] = [
    { name: '`stats --json`, cold (reads everything, writes the cache)', corpus: label, value: times.statsCold, unit: 'ms', baselineName: both, baseline: times.readSidecarsAndTexts, target: { kind: 'ratio', limit: 1.5 } },
    { name: 'for the record: `stats --json`, cold, in one thread (`--jobs 1`)', corpus: label, value: times.statsColdOneThread, unit: 'ms', baselineName: both, baseline: times.readSidecarsAndTexts },
    { name: '`stats --json`, second run (cache valid)', corpus: label, value: times.statsWarm, unit: 'ms', baselineName: sidecarsOnly, baseline: times.readSidecars, target: { kind: 'ratio', limit: 0.5 } },
    { name: 'for the record: lstat of every text and sidecar (the least a cache that notices changes does)', corpus: label, value: times.statEveryFile, unit: 'ms', baselineName: sidecarsOnly, baseline: times.readSidecars },
    { name: '`validate`, cold', corpus: label, value: times.validateCold, unit: 'ms', baselineName: both, baseline: times.readSidecarsAndTexts, target: { kind: 'ratio', limit: 1.5 } },
    { name: '`validate`, second run (cache valid)', corpus: label, value: times.validateWarm, unit: 'ms', baselineName: sidecarsOnly, baseline: times.readSidecars, target: { kind: 'ratio', limit: 0.5 } },
  ];
  return { figures, times };
}
