import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Annotation } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { openCorpus } from '../../../src/node/openCorpus';
import { problemLine, runCli, snapshot, useScratchFolders } from './cliTestSupport';

const mombasa = 'en/mombasa-port-modernisation-deal.txt';

const filler = Array.from({ length: 20 }, (_, line) => `Paragraph ${line + 1} of the report on the port talks and the trade figures.`).join('\n');
const globalTimes = `2024-10-11 09:04:50Global Times Editor Li Wei\n${filler}\nA ministry spokesperson told the Global Times that the talks with Kenya would resume.\n`;
const cleaned = globalTimes.replace('09:04:50Global Times Editor', '09:04:50 Editor');

function sidecarOf(corpus: string, textPath: string): { sha256: string; annotations: Annotation[] } {
  const parsed = parseSidecar(readFileSync(path.join(corpus, `${textPath}.ann.yaml`), 'utf8'), textPath);
  assert.ok(parsed.ok);
  return { sha256: parsed.sidecar.source.sha256, annotations: parsed.sidecar.annotations };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The byline article, tagged through the store as the editor would: ORG, PERSON and LOCATION. */
async function addByline(corpus: string): Promise<void> {
  writeFileSync(path.join(corpus, 'en', 'byline.txt'), globalTimes);
  const opened = await openCorpus(corpus);
  assert.ok(!('error' in opened));
  for (const [type, quote] of [['ORG', 'Global Times'], ['PERSON', 'Li Wei'], ['LOCATION', 'Kenya']]) {
    const result = await opened.store.update('en/byline.txt', (sidecar, text) => {
      const start = text.toCodePoint(text.text.indexOf(quote));
      return { ...sidecar, annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type, start, end: start + quote.length })] };
    });
    assert.ok(result.ok, JSON.stringify(result.problems));
  }
}

describe('news-annotator reanchor', () => {
  const scratch = useScratchFolders();

  it('does nothing when every text is the one its sidecar was written for', async () => {
    const before = snapshot(scratch.corpus);
    const result = await runCli(['reanchor'], scratch.corpus);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'Checked 10 files (4 sidecars): 0 texts changed; 0 annotations moved, 0 fuzzy, 0 orphaned; 0 sidecars written.\n');
    assert.deepEqual(snapshot(scratch.corpus), before);
  });

  it('writes the moved offsets and the new hash of a changed text once, printing every move; --dry-run writes nothing', async () => {
    const textFile = path.join(scratch.corpus, mombasa);
    writeFileSync(textFile, `UPDATE 4 June: corrected.\r\n${readFileSync(textFile, 'utf8')}`);
    const old = sidecarOf(scratch.corpus, mombasa);
    const before = snapshot(scratch.corpus);

    const dry = await runCli(['reanchor', '--dry-run', path.basename(scratch.corpus)], path.dirname(scratch.corpus));
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(snapshot(scratch.corpus), before, '--dry-run writes nothing');
    const lines = dry.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 14);
    for (const line of lines) assert.match(line, problemLine);
    const first = old.annotations[0];
    assert.ok(
      lines.includes(`${path.basename(scratch.corpus)}/${mombasa}.ann.yaml:6:5: info: "${first.text}" (${first.type}) moved from ${first.start}-${first.end} to ${first.start + 27}-${first.end + 27}.`),
      dry.stdout,
    );
    assert.equal(dry.stderr, 'Checked 10 files (4 sidecars): 1 text changed; 14 annotations moved, 0 fuzzy, 0 orphaned; 1 sidecar would be written (dry run).\n');

    const written = await runCli(['reanchor'], scratch.corpus);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout.replaceAll(`${mombasa}.ann.yaml`, ''), dry.stdout.replaceAll(`${path.basename(scratch.corpus)}/${mombasa}.ann.yaml`, ''));
    assert.match(written.stderr, /1 text changed; 14 annotations moved, 0 fuzzy, 0 orphaned; 1 sidecar written\.\n$/);
    const now = sidecarOf(scratch.corpus, mombasa);
    assert.equal(now.sha256, sha256(textFile));
    const text = new CodePointIndex(readFileSync(textFile, 'utf8'));
    assert.deepEqual(
      now.annotations.map((annotation) => [annotation.id, annotation.start, text.slice(annotation.start, annotation.end)]),
      old.annotations.map((annotation) => [annotation.id, annotation.start + 27, annotation.text]),
    );
    // Written once: the next run finds the text current and has nothing to say.
    const again = await runCli(['reanchor'], scratch.corpus);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /0 texts changed/);
    assert.equal((await runCli(['validate'], scratch.corpus)).stderr, 'Checked 10 files (4 sidecars) and news-annotator.yaml: 0 errors, 0 warnings.\n');
  });

  it('orphans a tag whose words were deleted, keeps it as it is, and exits 1; validate and export agree', async () => {
    await addByline(scratch.corpus);
    const tagged = sidecarOf(scratch.corpus, 'en/byline.txt');
    writeFileSync(path.join(scratch.corpus, 'en', 'byline.txt'), cleaned);

    const result = await runCli(['reanchor'], scratch.corpus);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, problemLine);
    const orphan = lines.filter((line) => line.includes('warning: "Global Times" (ORG) was not found in the text any more'));
    assert.equal(orphan.length, 1, result.stdout);
    assert.equal(lines.filter((line) => line.includes(': info: ') && / moved from \d+-\d+ to \d+-\d+\.$/.test(line)).length, 2, result.stdout);
    assert.match(result.stderr, /1 text changed; 2 annotations moved, 0 fuzzy, 1 orphaned; 1 sidecar written\.\n$/);

    const now = sidecarOf(scratch.corpus, 'en/byline.txt');
    const byText = (annotations: Annotation[], quote: string) => annotations.find((annotation) => annotation.text === quote);
    assert.deepEqual(byText(now.annotations, 'Global Times'), byText(tagged.annotations, 'Global Times'), 'the orphan is kept as it was');
    assert.equal(now.sha256, tagged.sha256, 'the old hash stays while an orphan is left');
    // The line printed is the orphan's entry in the sidecar as written.
    const [, line] = /^en\/byline\.txt\.ann\.yaml:(\d+):5: /.exec(orphan[0])!;
    assert.match(readFileSync(path.join(scratch.corpus, 'en', 'byline.txt.ann.yaml'), 'utf8').split('\n')[Number(line) - 1], /text: "Global Times"/);

    const validate = await runCli(['validate'], scratch.corpus);
    assert.equal(validate.code, 0);
    assert.ok(validate.stdout.includes('en/byline.txt.ann.yaml') && validate.stdout.includes('warning: "Global Times" (ORG) was not found in the text any more'), validate.stdout);
    assert.match(validate.stderr, /: 0 errors, 1 warning\.\n$/);

    const exported = await runCli(['export', '--format', 'jsonl', '--out', path.join(scratch.out, 'out.jsonl')], scratch.corpus);
    assert.match(exported.stderr, /en\/byline\.txt\.ann\.yaml:\d+:5: warning: "Global Times" \(ORG\) was not found/);
    const record = readFileSync(path.join(scratch.out, 'out.jsonl'), 'utf8').split('\n').map((row) => (row === '' ? undefined : (JSON.parse(row) as { file: string; label: [number, number, string][] }))).find((row) => row?.file === 'en/byline.txt');
    assert.deepEqual(record?.label.map(([start, end, type]) => `${type} ${cleaned.slice(start, end)}`).sort(), ['LOCATION Kenya', 'PERSON Li Wei']);
  });

  it('exits 2 on bad usage, 0 on --help', async () => {
    for (const argv of [['reanchor', 'a', 'b'], ['reanchor', '--nope']]) {
      const result = await runCli(argv, scratch.corpus);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /Usage: news-annotator reanchor/);
    }
    const help = await runCli(['reanchor', '--help'], scratch.corpus);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-annotator reanchor \[DIR\] \[--dry-run\]/);
    assert.match((await runCli(['--help'], scratch.corpus)).stdout, /\n {2}reanchor /);
  });
});
