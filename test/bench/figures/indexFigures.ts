/** Loading the corpus index the way the extension does: cold (no cache), then warm (cache valid). */
import path from 'node:path';
import { loadCorpusIndex } from '../../../src/node/corpusIndexLoader';
import type { CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, timeOnce } from '../measure';
import { readAll } from '../readAll';
import type { Figure } from '../report';

export async function indexFigures(corpus: CorpusOnDisk, folder: string): Promise<Figure[]> {
  const label = `${corpus.files.length.toLocaleString('en')} docs, ${corpus.annotations.toLocaleString('en')} annotations`;
  const twins = corpus.files.map((file) => path.join(corpus.jsonRoot, `${file}.json`));
  const baselineName = 'read the same bytes + JSON.parse';
  const cachePath = path.join(folder, 'index-cache.json');
  collectGarbage();
  const baseline = await timeOnce(() => readAll(twins, (content) => JSON.parse(content) as unknown));
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
  const warm = await timeOnce(async () => {
    const loaded = await loadCorpusIndex(corpus.root, corpus.files, cachePath);
    if (loaded.parsed > 0) throw new Error(`warm load parsed ${loaded.parsed} sidecars instead of using the cache`);
  });
  return [
    { name: 'cold load: read all sidecars, build index', corpus: label, value: indexOnly, unit: 'ms', baselineName, baseline, target: { kind: 'ratio', limit: 3 } },
    { name: 'cold start as the extension does it: also hash every text (orphan check) and write the cache', corpus: label, value: cold, unit: 'ms', baselineName, baseline },
    { name: 'warm load (cache valid): stat files, read cache', corpus: label, value: warm, unit: 'ms', baselineName, baseline, target: { kind: 'ratio', limit: 1 } },
  ];
}
