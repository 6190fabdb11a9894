import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sidecar, Suggestion } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { openCorpus } from '../../../src/node/openCorpus';
import { temporaryFolder } from '../export/exportTestSupport';
import { problemLine, runCli, snapshot } from './cliTestSupport';

// "Bogota" + U+0301: the text's decomposed form of the gazetteer's precomposed "Bogotá".
const spanish = 'Gustavo Petro habló en Bogota\u0301 con Ecopetrol y Petroleum Corp.; Petro volvió.\n';
const chinese = '习近平会见了彼得罗。北京欢迎习近平访问。\n';
const gazetteer = 'name\ttype\tkb\nGustavo Petro\tPERSON\twikidata:Q1365697\nPetro\tPERSON\nBogotá\tLOCATION\n习近平\tPERSON\n北京\tLOCATION\nPegasus\tANIMAL\n';

function sidecarOf(corpus: string, textPath: string): Sidecar {
  const parsed = parseSidecar(readFileSync(path.join(corpus, `${textPath}.ann.yaml`), 'utf8'), textPath);
  assert.ok(parsed.ok, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

const spans = (suggestions: readonly Suggestion[] | undefined) => (suggestions ?? []).map((item) => `${item.type} ${item.text} ${item.start}-${item.end}`);

describe('news-annotator suggest', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => {
    corpus = temporaryFolder('suggest-corpus-');
    writeFileSync(path.join(corpus.folder, 'petro.txt'), spanish);
    writeFileSync(path.join(corpus.folder, 'xi.txt'), chinese);
    writeFileSync(path.join(corpus.folder, 'names.tsv'), gazetteer);
  });
  afterEach(() => corpus.remove());

  it('suggests whole words, decomposed accents and names in unspaced Chinese; reports unknown types at their gazetteer line', async () => {
    const result = await runCli(['suggest', '.', '--gazetteer', 'names.tsv'], corpus.folder);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^names\.tsv:7:1: warning: "ANIMAL" is not one of the project's entity types/m);
    assert.match(result.stdout, /^petro\.txt: 3 suggestions$/m);
    assert.match(result.stdout, /^xi\.txt: 3 suggestions$/m);
    assert.match(result.stdout, /^6 suggestions added in 2 files of 2, from 5 names\.$/m);
    for (const line of result.stdout.split('\n').filter((text) => text.includes(': warning:'))) assert.match(line, problemLine);

    const petro = sidecarOf(corpus.folder, 'petro.txt');
    assert.deepEqual(petro.annotations, []);
    // "Petro" is found alone, never inside "Ecopetrol" or "Petroleum"; the longer name wins at the start.
    assert.deepEqual(spans(petro.suggestions), ['PERSON Gustavo Petro 0-13', 'LOCATION Bogota\u0301 23-30', 'PERSON Petro 64-69']);
    const [gustavo] = petro.suggestions!;
    assert.deepEqual({ source: gustavo.source, score: gustavo.score, link: gustavo.link }, { source: 'gazetteer:names.tsv', score: 1, link: 'wikidata:Q1365697' });
    assert.deepEqual(spans(sidecarOf(corpus.folder, 'xi.txt').suggestions), ['PERSON 习近平 0-3', 'LOCATION 北京 10-12', 'PERSON 习近平 14-17']);
  });

  it('never brings back a rejected suggestion, and a second run adds nothing', async () => {
    assert.equal((await runCli(['suggest', '--gazetteer', 'names.tsv'], corpus.folder)).code, 0);
    const file = path.join(corpus.folder, 'petro.txt.ann.yaml');
    const sidecar = sidecarOf(corpus.folder, 'petro.txt');
    const rejected = sidecar.suggestions!.map((item): Suggestion => (item.text === 'Petro' ? { ...item, rejected: true } : item));
    writeFileSync(file, serializeSidecar({ ...sidecar, suggestions: rejected }));
    const before = snapshot(corpus.folder);
    const again = await runCli(['suggest', '--gazetteer', 'names.tsv'], corpus.folder);
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /^0 suggestions added in 0 files of 2/m);
    assert.deepEqual(snapshot(corpus.folder), before);
    assert.equal(sidecarOf(corpus.folder, 'petro.txt').suggestions!.find((item) => item.text === 'Petro')?.rejected, true);
  });

  it('--dry-run counts and writes nothing; --types and --json narrow and report', async () => {
    const before = snapshot(corpus.folder);
    const dry = await runCli(['suggest', '--gazetteer', 'names.tsv', '--dry-run', '--types', 'LOCATION', '--json'], corpus.folder);
    assert.equal(dry.code, 0, dry.stdout);
    const report = JSON.parse(dry.stdout) as { dryRun: boolean; added: number; files: { path: string; added: number }[] };
    assert.deepEqual({ dryRun: report.dryRun, added: report.added, files: report.files }, { dryRun: true, added: 2, files: [{ path: 'petro.txt', added: 1 }, { path: 'xi.txt', added: 1 }] });
    assert.deepEqual(snapshot(corpus.folder), before);
    assert.equal(existsSync(path.join(corpus.folder, 'petro.txt.ann.yaml')), false);
  });

  it('skips a sidecar it cannot read, with a problem, and never writes over it', async () => {
    const conflicted = '<<<<<<< ours\nformat: news-annotator/1\n=======\nformat: news-annotator/1\n>>>>>>> theirs\n';
    writeFileSync(path.join(corpus.folder, 'petro.txt.ann.yaml'), conflicted);
    const result = await runCli(['suggest', '--gazetteer', 'names.tsv'], corpus.folder);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^petro\.txt\.ann\.yaml:1:1: warning: No suggestions for petro\.txt: its sidecar could not be read/m);
    assert.equal(readFileSync(path.join(corpus.folder, 'petro.txt.ann.yaml'), 'utf8'), conflicted);
    assert.match(result.stdout, /^xi\.txt: 3 suggestions$/m);
  });

  it('--from-tags suggests the corpus\'s own tags elsewhere, with source tags', async () => {
    writeFileSync(path.join(corpus.folder, 'tagged.txt'), 'Ayer Gustavo Petro firmó.\n');
    const opened = await openCorpus(corpus.folder);
    assert.ok(!('error' in opened));
    const tagged = await opened.store.update('tagged.txt', (sidecar, text) => ({ ...sidecar, annotations: [newAnnotation(sidecar, text, { type: 'PERSON', start: 5, end: 18 })] }));
    assert.ok(tagged.ok);
    const result = await runCli(['suggest', '--from-tags'], corpus.folder);
    assert.equal(result.code, 0, result.stdout);
    const suggestions = sidecarOf(corpus.folder, 'petro.txt').suggestions!;
    assert.deepEqual(spans(suggestions), ['PERSON Gustavo Petro 0-13']);
    assert.deepEqual({ source: suggestions[0].source, score: suggestions[0].score }, { source: 'tags', score: 1 });
    // The tagged span itself is not suggested again.
    assert.equal(sidecarOf(corpus.folder, 'tagged.txt').suggestions, undefined);
  });

  it('finds names of a 100,000-name gazetteer', async () => {
    const rows = ['name\ttype'];
    for (let index = 0; index < 100_000; index++) rows.push(`Name${index.toString(36)} Surname\tPERSON`);
    rows.push('Gustavo Petro\tPERSON');
    writeFileSync(path.join(corpus.folder, 'big.tsv'), rows.join('\n') + '\n');
    writeFileSync(path.join(corpus.folder, 'many.txt'), 'Namezz Surname met Name2bi Surname and Gustavo Petro; Name0 Surnamex did not.\n');
    const result = await runCli(['suggest', '--gazetteer', 'big.tsv'], corpus.folder);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /from 100,?001 names\.$/m);
    assert.deepEqual(spans(sidecarOf(corpus.folder, 'many.txt').suggestions), ['PERSON Namezz Surname 0-14', 'PERSON Name2bi Surname 19-34', 'PERSON Gustavo Petro 39-52']);
  });

  it('asks for a gazetteer or --from-tags, and refuses a gazetteer that is not a file', async () => {
    assert.equal((await runCli(['suggest'], corpus.folder)).code, 2);
    const folder = await runCli(['suggest', '--gazetteer', '.'], corpus.folder);
    assert.equal(folder.code, 1);
    assert.match(folder.stdout, /is not a regular file/);
  });
});
