/**
 * Anchoring as the store applies it: what `load` reports (and so `validate` and the editor's
 * Problems panel), and what every write keeps or changes.
 */
import assert from 'node:assert/strict';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Annotation } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore, type LoadedSidecar, type SidecarChange } from '../../../src/core/store/sidecarStore';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { decodeText, sha256Hex } from '../../../src/core/text/decodeText';
import { entryFromLoad, entryFromSidecar } from '../../../src/core/index/indexEntry';

const textPath = 'news/byline.txt';
const sidecarPath = 'news/byline.txt.ann.yaml';

const filler = Array.from({ length: 20 }, (_, line) => `Paragraph ${line + 1} of the report on the port talks and the trade figures.`).join('\n');
const globalTimes = `2024-10-11 09:04:50Global Times Editor Li Wei\n${filler}\nA ministry spokesperson told the Global Times that the talks with Kenya would resume.\n`;
const cleaned = globalTimes.replace('09:04:50Global Times Editor', '09:04:50 Editor');

const tagQuote =
  (type: string, quote: string, occurrence = 0): SidecarChange =>
  (sidecar, text) => {
    let at = -1;
    for (let count = 0; count <= occurrence; count++) at = text.text.indexOf(quote, at + 1);
    const start = text.toCodePoint(at);
    return { ...sidecar, annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type, start, end: start + [...quote].length })] };
  };

async function taggedCorpus(): Promise<{ files: MemoryFileSystem; store: SidecarStore }> {
  const files = new MemoryFileSystem({ [textPath]: globalTimes });
  const store = new SidecarStore(files, { knownTypes: new Set(['ORG', 'PERSON', 'LOCATION']) });
  for (const change of [tagQuote('ORG', 'Global Times'), tagQuote('PERSON', 'Li Wei'), tagQuote('LOCATION', 'Kenya')]) {
    const result = await store.update(textPath, change);
    assert.ok(result.ok, JSON.stringify(result.problems));
  }
  return { files, store };
}

async function load(store: SidecarStore): Promise<LoadedSidecar> {
  const result = await store.load(textPath);
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result;
}

function onDisk(files: MemoryFileSystem): { sha256: string; annotations: Annotation[] } {
  const parsed = parseSidecar(files.readText(sidecarPath)!, sidecarPath);
  assert.ok(parsed.ok);
  return { sha256: parsed.sidecar.source.sha256, annotations: parsed.sidecar.annotations };
}

const byText = (annotations: readonly Annotation[], text: string): Annotation => annotations.find((annotation) => annotation.text === text)!;

describe('anchoring in the store', () => {
  it('reports a tag whose words were deleted as an orphan, and never places it on another mention', async () => {
    const { files, store } = await taggedCorpus();
    files.writeFile(textPath, cleaned);
    const result = await load(store);
    const index = result.sidecar.annotations.findIndex((annotation) => annotation.text === 'Global Times');
    assert.deepEqual(result.anchors[index], { kind: 'orphan' });
    const where = result.positions[index];
    assert.deepEqual(
      result.problems.map((item) => [item.code, item.severity, item.line, item.column]),
      [['annotation-orphaned', 'warning', where.line, where.column]],
    );
  });

  it('keeps an orphan unchanged through an unrelated write, and the hash old so it is still looked for', async () => {
    const { files, store } = await taggedCorpus();
    const before = byText(onDisk(files).annotations, 'Global Times');
    files.writeFile(textPath, cleaned);
    const written = await store.update(textPath, tagQuote('PERSON', 'ministry spokesperson'));
    assert.ok(written.ok);
    const after = onDisk(files);
    assert.deepEqual(byText(after.annotations, 'Global Times'), before);
    assert.equal(after.sha256, sha256Hex(new TextEncoder().encode(globalTimes)));
    // The others were moved by the edit, as their context and their neighbours show.
    const text = new CodePointIndex(cleaned);
    for (const quote of ['Li Wei', 'Kenya', 'ministry spokesperson']) {
      const annotation = byText(after.annotations, quote);
      assert.equal(text.slice(annotation.start, annotation.end), quote);
    }
    assert.deepEqual((await load(store)).problems.map((item) => item.code), ['annotation-orphaned']);
  });

  it('keeps invalid offsets an error through unrelated writes: no write repairs them silently', async () => {
    const { files, store } = await taggedCorpus();
    // Someone edits the sidecar by hand: offsets past the end of an unchanged text.
    const content = files.readText(sidecarPath)!;
    const kenya = byText(onDisk(files).annotations, 'Kenya');
    files.writeFile(sidecarPath, content.replace(`start: ${kenya.start}, end: ${kenya.end}`, 'start: 5000, end: 5005'));
    const damaged = byText(onDisk(files).annotations, 'Kenya');
    const first = await load(store);
    assert.deepEqual(first.problems.map((item) => [item.code, item.severity]), [['span-out-of-range', 'error']]);
    assert.equal(first.anchors[first.sidecar.annotations.findIndex((annotation) => annotation.text === 'Kenya')].kind, 'orphan');

    const written = await store.update(textPath, tagQuote('PERSON', 'ministry spokesperson'));
    assert.ok(written.ok);
    assert.deepEqual(byText(onDisk(files).annotations, 'Kenya'), damaged);
    assert.deepEqual((await load(store)).problems.map((item) => [item.code, item.severity]), [['span-out-of-range', 'error']]);
  });

  it('reports a move that only part of the context supports as information, and is silent on moves the edit explains', async () => {
    const { files, store } = await taggedCorpus();
    // Li Wei alone in its file, part of its prefix deleted.
    const sidecar = files.readText(sidecarPath)!.split('\n').filter((line) => !line.includes('"Global Times"') && !line.includes('"Kenya"')).join('\n');
    files.writeFile(sidecarPath, sidecar);
    files.writeFile(textPath, cleaned);
    const result = await load(store);
    assert.deepEqual(result.anchors, [{ kind: 'moved', start: 27, end: 33, unexplained: true }]);
    assert.deepEqual(result.problems.map((item) => [item.code, item.severity, item.line]), [['annotation-moved', 'info', result.positions[0].line]]);
    assert.match(result.problems[0].message, /"Li Wei" \(PERSON\) moved from 39-45 to 27-33/);

    // With its neighbour there, the same edit is explained: nothing to report.
    const { files: otherFiles, store: otherStore } = await taggedCorpus();
    otherFiles.writeFile(textPath, cleaned);
    const explained = await load(otherStore);
    assert.ok(explained.problems.every((item) => item.code !== 'annotation-moved'));
  });

  it('counts the same orphans in the index, from the sidecar alone or from a load', async () => {
    const { files, store } = await taggedCorpus();
    files.writeFile(textPath, cleaned);
    const text = decodeText(new TextEncoder().encode(cleaned));
    assert.equal(entryFromSidecar(files.readText(sidecarPath), sidecarPath, { text }).orphans, 1);
    assert.equal(entryFromLoad(await store.load(textPath)).orphans, 1);

    // Invalid offsets in an unchanged text: an orphan (and no search finds them a new place).
    files.writeFile(textPath, globalTimes);
    const kenya = byText(onDisk(files).annotations, 'Kenya');
    files.writeFile(sidecarPath, files.readText(sidecarPath)!.replace(`start: ${kenya.start}, end: ${kenya.end}`, `start: ${kenya.start + 1}, end: ${kenya.end + 1}`));
    const unchanged = decodeText(new TextEncoder().encode(globalTimes));
    assert.equal(entryFromSidecar(files.readText(sidecarPath), sidecarPath, { text: unchanged }).orphans, 1);
    assert.equal(entryFromLoad(await store.load(textPath)).orphans, 1);
  });
});
