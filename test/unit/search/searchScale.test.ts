/**
 * A printout, not a benchmark: build times, heap and per-keystroke latency of search on a
 * synthetic corpus. By default 100,000 annotations (a second or two); set
 * NEWS_ANNOTATOR_SCALE=full for the target size, 1,000,000 annotations of 100,000 entities in
 * 10,000 files (about half a minute). Numbers vary by machine; nothing here is timed strictly.
 */
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { IndexCache, serializeIndexCache } from '../../../src/core/index/indexCache';
import { TagsTree } from '../../../src/core/index/tagsTree';
import { TagSearch } from '../../../src/core/search/tagSearch';
import { syntheticCorpus, syntheticEntities, typedKeystrokes } from './syntheticCorpus';

function collectGarbage(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapMegabytes(gc: (() => void) | undefined): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))].toFixed(1);

describe('search at scale (printout)', function () {
  this.timeout(600_000);
  const full = process.env.NEWS_ANNOTATOR_SCALE === 'full';
  const size = full ? { files: 10_000, annotations: 1_000_000, entities: 100_000 } : { files: 1_000, annotations: 100_000, entities: 10_000 };

  it(`indexes and searches ${size.annotations.toLocaleString('en')} annotations of ${size.entities.toLocaleString('en')} entities`, () => {
    const gc = collectGarbage();
    const entities = syntheticEntities(size.entities);
    const baseline = heapMegabytes(gc);
    let corpus: ReturnType<typeof syntheticCorpus> | undefined = syntheticCorpus(size);
    const index = new CorpusIndex();
    const [, indexTime] = time(() => corpus!.files.forEach(([path, entry]) => index.setFile(path, entry)));
    corpus = undefined;
    const indexHeap = heapMegabytes(gc) - baseline;
    const [search, searchTime] = time(() => new TagSearch(index));
    const searchHeap = heapMegabytes(gc) - baseline - indexHeap;

    const tree = new TagsTree(index);
    const [types, typesTime] = time(() => tree.types('count'));
    const [people, peopleTime] = time(() => tree.entities(types[0].type, 'count', { limit: 200 }));
    const [, byNameTime] = time(() => tree.entities(types[0].type, 'name', { limit: 200 }));

    const typed = typedKeystrokes(entities, 60, 99);
    search.search('warm up');
    const latencies: number[] = [];
    let found = 0;
    for (const { query, entity, last } of typed) {
      const [results, latency] = time(() => search.search(query, { limit: 100 }));
      latencies.push(latency);
      if (last && results.some((result) => result.type === entity.type && result.text.toLowerCase() === entity.text.toLowerCase())) found++;
    }
    latencies.sort((a, b) => a - b);

    const annotations = index.summary().annotations;
    const [cacheText, serializeTime] = time(() => serializeIndexCache(index));
    const [restored, restoreTime] = time(() => {
      const cache = IndexCache.parse(cacheText)!;
      const fresh = new CorpusIndex();
      for (const path of cache.paths()) cache.restore(fresh, path);
      return fresh;
    });
    const paths = index.paths();
    const [, updateTime] = time(() => {
      for (let step = 0; step < 200; step++) {
        const path = paths[(step * 37) % paths.length];
        index.setFile(path, { hasSidecar: true, status: 'done', annotations: index.annotations(path).slice(1), problems: 0, unreadable: false, orphans: 0 });
      }
    });

    const lines = [
      `corpus: ${index.size} files, ${annotations} annotations, ${types.reduce((sum, type) => sum + type.entities, 0)} entities`,
      `index built in ${indexTime.toFixed(0)} ms; search structures in ${searchTime.toFixed(0)} ms`,
      gc ? `heap: index ${indexHeap.toFixed(0)} MB + search ${searchHeap.toFixed(0)} MB` : 'heap: not measured (no gc)',
      `Tags view: types ${typesTime.toFixed(2)} ms; ${people.total} ${types[0].type} entities by count ${peopleTime.toFixed(0)} ms, by name ${byNameTime.toFixed(0)} ms`,
      `keystrokes: ${latencies.length}, p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms; typed name in the results ${found}/60`,
      `cache: ${(cacheText.length / 1e6).toFixed(1)} MB written in ${serializeTime.toFixed(0)} ms, read back in ${restoreTime.toFixed(0)} ms`,
      `incremental: ${(updateTime / 200).toFixed(2)} ms per file update`,
    ];
    console.log(lines.map((line) => `      ${line}`).join('\n'));
    assert.equal(restored.summary().annotations, size.annotations);
    assert.ok(found >= 50, 'nearly every typed name, typos included, is found');
  });
});
