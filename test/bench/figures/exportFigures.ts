/** Exporting the whole corpus in the formats project leads use, beside JSON.stringify of the same data. */
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { exportCorpus, selectDocuments } from '../../../src/core/export/exportCorpus';
import type { ExportFormat, ExportOutput } from '../../../src/core/export/exportTypes';
import { defaultProjectConfig } from '../../../src/core/project';
import { openCorpus } from '../../../src/node/openCorpus';
import type { CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, timeOnce } from '../measure';
import type { Figure } from '../report';

export async function exportFigures(corpus: CorpusOnDisk, formats: readonly ExportFormat[]): Promise<Figure[]> {
  const opened = await openCorpus(corpus.root);
  if ('error' in opened) throw new Error(opened.error);
  const load = await loadCorpus(opened.store, opened.files, { concurrency: 32 });
  const documents = selectDocuments(load.documents, {});
  const label = `${documents.length.toLocaleString('en')} docs`;
  // The same data a JSON dump would hold: each document's text and its annotations.
  const data = documents.map((document) => ({ file: document.path, text: document.loaded.text.text, annotations: document.loaded.sidecar.annotations }));
  collectGarbage();
  const baseline = await timeOnce(() => JSON.stringify(data));
  const figures: Figure[] = [];
  for (const format of formats) {
    collectGarbage();
    // Exports stream their files piece by piece: the figure includes producing every piece.
    const value = await timeOnce(() => producedLength(exportCorpus(format, { documents, config: defaultProjectConfig() })));
    figures.push({ name: `export ${format}`, corpus: label, value, unit: 'ms', baselineName: 'JSON.stringify of the same data', baseline, target: { kind: 'ratio', limit: 5 } });
  }
  return figures;
}

/** Characters of every file the export produces (copies of corpus files are not read here). */
function producedLength(output: ExportOutput): number {
  let length = 0;
  for (const file of output.files) {
    if ('content' in file) length += file.content.length;
    else if ('chunks' in file) for (const chunk of file.chunks()) length += chunk.length;
  }
  return length;
}
