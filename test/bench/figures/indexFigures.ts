/**
 * Loading the corpus index the way the extension does (src/node/corpusIndexLoader.ts, the loader
 * the extension calls): cold (no cache: index, orphan check, cache write), then warm (cache
 * valid). Beside the baseline the targets name: reading every sidecar and text (synchronously,
 * the fastest way) plus JSON.parse of the same annotations, measured by the command-line figures
 * in the same run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CorpusIndex } from '../../../src/core/index';
import { TagSearch } from '../../../src/core/search';
import { bundledCode } from '../bundledCode';
import type { CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, timeOnce } from '../measure';
import type { Figure } from '../report';

export async function indexFigures(corpus: CorpusOnDisk, folder: string, baseline: number): Promise<Figure[]> {
  const { loadCorpusIndex } = bundledCode();
  const label = `${corpus.files.length.toLocaleString('en')} docs, ${corpus.annotations.toLocaleString('en')} annotations`;
  const baselineName = 'read every sidecar and text + JSON.parse of the same annotations';
  const cachePath = path.join(folder, 'index-cache.json');
  collectGarbage();
  // The figure as the target defines it: read every sidecar, build the index.
  const indexOnly = await timeOnce(() => loadCorpusIndex(corpus.root, corpus.files, undefined, { checkText: false }));
  collectGarbage();
  let annotations = 0;
  // The extension's own settings: sidecars parsed through the fast path, texts hashed to spot
  // orphans, the cache written at the end.
  const cold = await timeOnce(async () => {
    const loaded = await loadCorpusIndex(corpus.root, corpus.files, cachePath);
    annotations = loaded.index.summary().annotations;
  });
  if (annotations !== corpus.annotations) throw new Error(`the index holds ${annotations} annotations, the corpus ${corpus.annotations}`);
  collectGarbage();
  // For the record: the same start read in this thread alone (the worker threads' share, see readIndexInWorkers.ts).
  const oneThreadPath = path.join(folder, 'index-cache-one-thread.json');
  const coldOneThread = await timeOnce(() => loadCorpusIndex(corpus.root, corpus.files, oneThreadPath, { threads: 1 }));
  collectGarbage();
  const warm = await timeOnce(async () => {
    const loaded = await loadCorpusIndex(corpus.root, corpus.files, cachePath);
    if (loaded.parsed > 0) throw new Error(`warm load parsed ${loaded.parsed} sidecars instead of using the cache`);
  });
  const memory = indexMemory(corpus, cachePath);
  // Responsiveness at start: the extension publishes the index before it is filled and the search
  // follows it, so the views and Search Tags have partial results while the rest is read.
  const partial = await firstPartialResults(corpus);
  return [
    { name: 'start, partial results: first search over the index being built (1% of files read)', corpus: label, value: partial.firstResults, unit: 'ms', baselineName: `the whole cold build, same run (${partial.results} results then)`, baseline: partial.whole },
    { name: 'index only: read all sidecars, build index (no text check, no cache)', corpus: label, value: indexOnly, unit: 'ms', baselineName, baseline },
    { name: "the extension's start, cold: index, orphan check (hash every text), cache write", corpus: label, value: cold, unit: 'ms', baselineName, baseline, target: { kind: 'ratio', limit: 1.5 } },
    { name: "for the record: the extension's start, cold, in one thread", corpus: label, value: coldOneThread, unit: 'ms', baselineName, baseline },
    { name: "the extension's start, warm (cache valid): stat files, read cache", corpus: label, value: warm, unit: 'ms', baselineName, baseline, target: { kind: 'ratio', limit: 0.5 } },
    { name: 'for the record: memory of the index read from the sidecars (heap + array buffers)', corpus: label, value: memory.cold, unit: 'MB' },
    { name: 'for the record: memory of the index read from the cache (ids and snippets not decoded yet)', corpus: label, value: memory.warm, unit: 'MB' },
    { name: 'for the record: the same once every id and snippet was read', corpus: label, value: memory.warmDecoded, unit: 'MB' },
  ];
}

/**
 * What a loaded index holds, read from the sidecars and from the cache (whose numbers stay in the
 * cache file's bytes, and whose ids and snippets are decoded when first read), each measured in a
 * process of its own: in the bench's process, memory the loads before it freed late (the cache
 * file's buffer, say) landed inside the measurement, and the same figure ranged from 13 to 69 MB.
 * The search's own structures are the search figures' business.
 */
function indexMemory(corpus: CorpusOnDisk, cachePath: string): { cold: number; warm: number; warmDecoded: number } {
  const cold = memoryInChild(corpus, undefined);
  const warm = memoryInChild(corpus, cachePath);
  if (warm.reused !== corpus.files.length) throw new Error(`the warm load reused ${warm.reused} files`);
  return { cold: cold.held, warm: warm.held, warmDecoded: warm.decoded };
}

/** Heap and array buffers held by one load of the index, in a new Node process; then with every id and snippet decoded. */
function memoryInChild(corpus: CorpusOnDisk, cachePath: string | undefined): { held: number; decoded: number; reused: number } {
  const script = `
    const { loadCorpusIndex } = require(process.env.BENCH_BUNDLE);
    const { root, files, cachePath } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const settle = () => new Promise((resolve) => { gc(); setImmediate(() => { gc(); resolve(); }); });
    const megabytes = () => { const usage = process.memoryUsage(); return (usage.heapUsed + usage.arrayBuffers) / 1e6; };
    (async () => {
      await settle();
      const before = megabytes();
      const loaded = await loadCorpusIndex(root, files, cachePath ?? undefined);
      await settle();
      const held = megabytes() - before;
      for (const record of loaded.index.records()) {
        if (record.columns.ids.length !== record.count || (record.count > 0 && record.columns.context.length === 0)) throw new Error(record.path + ': ids or snippets lost');
      }
      await settle();
      process.stdout.write(JSON.stringify({ held, decoded: megabytes() - before, reused: loaded.reused, size: loaded.index.size }));
    })();
  `;
  const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], {
    input: JSON.stringify({ root: corpus.root, files: corpus.files, cachePath: cachePath ?? null }),
    env: { ...process.env, BENCH_BUNDLE: bundledCode().file },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`memory measurement failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout) as { held: number; decoded: number; reused: number; size: number };
  if (result.size !== corpus.files.length) throw new Error('the index lost files');
  return result;
}

/** When a search over the index being built first answers (after 1% of the files), and the whole build. */
async function firstPartialResults(corpus: CorpusOnDisk): Promise<{ firstResults: number; whole: number; results: number }> {
  const { loadCorpusIndex } = bundledCode();
  collectGarbage();
  const index = new CorpusIndex();
  const search = new TagSearch(index);
  const started = performance.now();
  let firstResults = Number.NaN;
  let results = 0;
  try {
    await loadCorpusIndex(corpus.root, corpus.files, undefined, {
      index,
      onProgress: ({ done, total }) => {
        if (!Number.isNaN(firstResults) || done < total / 100) return;
        results = search.search('', { limit: 60 }).length;
        firstResults = performance.now() - started;
      },
    });
    return { firstResults, whole: performance.now() - started, results };
  } finally {
    search.dispose();
  }
}
