/**
 * What a changed text does to the corpus as export and stats see it: a tag whose words were
 * deleted is an orphan (left out, counted), never exported on another mention.
 */
import { exportText } from '../export/exportTestSupport';
import assert from 'node:assert/strict';
import { corpusStats } from '../../../src/core/corpus/corpusStats';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { exportCorpus } from '../../../src/core/export/exportCorpus';
import { defaultProjectConfig } from '../../../src/core/project';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore, type SidecarChange } from '../../../src/core/store/sidecarStore';
import { CodePointIndex } from '../../../src/core/text/codePoints';

const filler = Array.from({ length: 20 }, (_, line) => `Paragraph ${line + 1} of the report on the port talks and the trade figures.`).join('\n');
const globalTimes = `2024-10-11 09:04:50Global Times Editor Li Wei\n${filler}\nA ministry spokesperson told the Global Times that the talks with Kenya would resume.\n`;
const cleaned = globalTimes.replace('09:04:50Global Times Editor', '09:04:50 Editor');

const tagQuote =
  (type: string, quote: string): SidecarChange =>
  (sidecar, text) => {
    const start = text.toCodePoint(text.text.indexOf(quote));
    return { ...sidecar, annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type, start, end: start + [...quote].length })] };
  };

async function corpus(): Promise<{ files: MemoryFileSystem; store: SidecarStore }> {
  const files = new MemoryFileSystem({ 'byline.txt': globalTimes, 'other.txt': 'Kenya and Uganda signed.\n' });
  const store = new SidecarStore(files);
  for (const change of [tagQuote('ORG', 'Global Times'), tagQuote('PERSON', 'Li Wei'), tagQuote('LOCATION', 'Kenya')]) assert.ok((await store.update('byline.txt', change)).ok);
  assert.ok((await store.update('other.txt', tagQuote('LOCATION', 'Uganda'))).ok);
  return { files, store };
}

describe('loading a corpus after a text changed', () => {
  it('leaves a tag whose words were deleted out of the placed annotations and exports, counted as an orphan', async () => {
    const { files, store } = await corpus();
    files.writeFile('byline.txt', cleaned);
    const load = await loadCorpus(store, ['byline.txt', 'other.txt']);
    const [byline] = load.documents;
    assert.deepEqual(byline.unplaced.map((item) => [item.annotation.text, item.kind]), [['Global Times', 'orphan']]);
    const text = new CodePointIndex(cleaned);
    assert.deepEqual(byline.placed.map((annotation) => text.slice(annotation.start, annotation.end)).sort(), ['Kenya', 'Li Wei']);
    assert.ok(load.problems.some((item) => item.code === 'annotation-orphaned' && item.file === 'byline.txt.ann.yaml'));

    const stats = corpusStats(load);
    assert.equal(stats.orphans, 1);
    assert.equal(stats.unplaced, 1);
    assert.equal(stats.annotations, 4);

    const exported = exportCorpus('jsonl', { documents: load.documents, config: defaultProjectConfig() });
    const record = JSON.parse(exportText(exported).split('\n')[0]) as { label: [number, number, string][] };
    assert.deepEqual(record.label.map(([start, end, type]) => `${type} ${cleaned.slice(start, end)}`).sort(), ['LOCATION Kenya', 'PERSON Li Wei']);
  });

  it('does not export or repair an annotation whose offsets do not hold its text in an unchanged text', async () => {
    const { files, store } = await corpus();
    const sidecar = files.readText('other.txt.ann.yaml')!;
    files.writeFile('other.txt.ann.yaml', sidecar.replace('start: 10, end: 16', 'start: 11, end: 17'));
    const load = await loadCorpus(store, ['other.txt']);
    assert.deepEqual(load.documents[0].placed, []);
    assert.deepEqual(load.documents[0].unplaced.map((item) => [item.annotation.start, item.kind]), [[11, 'orphan']]);
    assert.deepEqual(load.problems.map((item) => [item.code, item.severity]), [['text-mismatch', 'error']]);
    assert.equal(corpusStats(load).orphans, 1);
  });
});
