/** Loading every sidecar of the corpus: cold, warm, and with `yaml` alone for the record. */
import path from 'node:path';
import { parse } from 'yaml';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import type { CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, timeOnce } from '../measure';
import { readAll } from '../readAll';
import type { Figure } from '../report';

export async function loadFigures(corpus: CorpusOnDisk, withYaml = true): Promise<Figure[]> {
  const label = `${corpus.files.length.toLocaleString('en')} docs, ${corpus.annotations.toLocaleString('en')} annotations`;
  const sidecars = corpus.files.map((file) => path.join(corpus.root, `${file}.ann.yaml`));
  const twins = corpus.files.map((file) => path.join(corpus.jsonRoot, `${file}.json`));
  const baselineName = 'read the same bytes + JSON.parse';
  // Warm the page cache once so every variant reads from memory, as on a developer's machine.
  await readAll(sidecars, (content) => content.length);
  await readAll(twins, (content) => content.length);
  collectGarbage();
  const baseline = await timeOnce(() => readAll(twins, (content) => JSON.parse(content) as unknown));
  collectGarbage();
  const cold = await timeOnce(() =>
    readAll(sidecars, (content, file) => {
      const parsed = parseSidecar(content, file);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]?.message}`);
      return parsed.sidecar.annotations.length;
    }),
  );
  const figures: Figure[] = [{ name: 'read + parse every sidecar (fast path), no index', corpus: label, value: cold, unit: 'ms', baselineName, baseline }];
  if (withYaml) {
    collectGarbage();
    const yamlOnly = await timeOnce(() => readAll(sidecars, (content) => parse(content) as unknown));
    figures.push({ name: '`yaml`-only load (for the record)', corpus: label, value: yamlOnly, unit: 'ms', baselineName, baseline });
  }
  return figures;
}
