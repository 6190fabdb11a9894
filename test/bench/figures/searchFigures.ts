/** Search per keystroke at a million annotations, beside fuse.js over every annotation; and the heap it takes. */
import Fuse from 'fuse.js';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { TagsTree } from '../../../src/core/index/tagsTree';
import { TagSearch } from '../../../src/core/search/tagSearch';
import { syntheticCorpus, syntheticEntities, typedKeystrokes } from '../../unit/search/syntheticCorpus';
import { collectGarbage, percentile, timeOnce } from '../measure';
import type { Figure } from '../report';

/**
 * In its own synchronous function so the generated entries die with its frame: an async
 * function's frame can keep the loop's iterator, and so every entry, alive across awaits.
 */
function buildIndex(size: { files: number; annotations: number; entities: number }): CorpusIndex {
  const index = new CorpusIndex();
  for (const [path, entry] of syntheticCorpus(size).files) index.setFile(path, entry);
  return index;
}

function heapMegabytes(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1e6;
}

export async function searchFigures(size: { files: number; annotations: number; entities: number }, baselineQueries: number): Promise<Figure[]> {
  const label = `${size.annotations.toLocaleString('en')} annotations, ${size.entities.toLocaleString('en')} distinct`;
  const entities = syntheticEntities(size.entities);
  const before = heapMegabytes();
  const index = buildIndex(size);
  const search = new TagSearch(index);
  const heap = heapMegabytes() - before;

  // The Tags view's first level (types with totals) and one type's first page of entities.
  const tree = new TagsTree(index);
  const firstLevel = await timeOnce(() => tree.types('count'));
  const firstPage = await timeOnce(() => tree.entities(tree.types('count')[0].type, 'count', { limit: 200 }));

  const typed = typedKeystrokes(entities, 20, 2026);
  const keystrokes = typed.map((keystroke) => keystroke.query);
  const finals = typed.filter((keystroke) => keystroke.last).map((keystroke) => keystroke.query.replace(/^type:\S+ /, ''));
  search.search('warm up');
  const typeAll = async () => {
    const latencies: number[] = [];
    for (const query of keystrokes) latencies.push(await timeOnce(() => search.search(query, { limit: 100 })));
    return latencies;
  };
  // Typed twice. The first pass is a fresh session's: its slowest keystrokes were its first
  // twenty or so (up to 33 ms), while V8 compiled the search's code paths one by one (the type
  // filter, one-letter queries, typos). The target is about a session that has been searched
  // in: the second pass, the same keystrokes (nothing is cached between searches).
  const fresh = await typeAll();
  const latencies = await typeAll();

  // The baseline: fuse.js over every annotation (3 keys, threshold 0.4, limit 20), index prebuilt.
  const records: { text: string; type: string; file: string }[] = [];
  for (const path of index.paths()) for (const mention of index.annotations(path)) records.push({ text: mention.text, type: mention.type, file: path });
  const fuse = new Fuse(records, { keys: ['text', 'type', 'file'], threshold: 0.4 }, Fuse.createIndex(['text', 'type', 'file'], records));
  const baselineTimes: number[] = [];
  for (const query of finals.slice(0, baselineQueries)) baselineTimes.push(await timeOnce(() => fuse.search(query, { limit: 20 })));
  search.dispose();
  const baselineName = `fuse.js over all ${records.length.toLocaleString('en')} annotations (${baselineQueries} queries)`;
  return [
    { name: `search keystroke p50 (${keystrokes.length} keystrokes of 20 names, typos included; the second pass)`, corpus: label, value: percentile(latencies, 0.5), unit: 'ms', baselineName, baseline: percentile(baselineTimes, 0.5) },
    { name: 'search keystroke p95 (the second pass)', corpus: label, value: percentile(latencies, 0.95), unit: 'ms', baselineName, baseline: percentile(baselineTimes, 0.95), target: { kind: 'absolute', limit: 10 } },
    { name: 'for the record: search keystroke p50, the first pass (a fresh session)', corpus: label, value: percentile(fresh, 0.5), unit: 'ms' },
    { name: 'for the record: search keystroke p95, the first pass (a fresh session)', corpus: label, value: percentile(fresh, 0.95), unit: 'ms' },
    { name: 'heap of index + search', corpus: label, value: heap, unit: 'MB', target: { kind: 'absolute', limit: 300 } },
    { name: 'Tags view first level (types with totals)', corpus: label, value: firstLevel, unit: 'ms', target: { kind: 'absolute', limit: 100 } },
    { name: 'Tags view: first 200 entities of the largest type, by count', corpus: label, value: firstPage, unit: 'ms' },
  ];
}
