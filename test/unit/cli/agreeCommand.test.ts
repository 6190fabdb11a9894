/**
 * `news-annotator agree` over real folders and a real git repository made by the test: two
 * branches (`git:main` vs `git:other`), a folder against a ref, more than two sides, documents
 * missing on a side, an unreadable sidecar, a ref that does not exist, and usage errors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSidecar } from '../../../src/core/sidecar/createSidecar';
import { serializeSidecarBytes } from '../../../src/core/sidecar/serializeSidecar';
import { decodeText } from '../../../src/core/text/decodeText';
import { temporaryFolder } from '../export/exportTestSupport';
import { workerScriptFound } from '../../../src/node/compareInWorkers';
import { runCli } from './cliTestSupport';

type Tag = [type: string, start: number, end: number];

/** Writes a text and its sidecar holding the given tags (offsets in code points). */
function writeDocument(root: string, file: string, text: string, tags: Tag[]): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  const sidecar = createSidecar(path.basename(file), decodeText(new TextEncoder().encode(text)));
  sidecar.annotations = tags.map(([type, start, end], index) => ({ id: `t${index}`, type, start, end, text: [...text].slice(start, end).join('') }));
  writeFileSync(full + '.ann.yaml', serializeSidecarBytes(sidecar));
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

// Offsets: Gustavo 0-7, Petro 8-13, the mayor 18-27, Bogota 31-37, Cartagena 41-50.
const petro = 'Gustavo Petro met the mayor of Bogota in Cartagena.';
const other = 'Shakira sang in Barranquilla.';

describe('agree command', () => {
  let scratch: { folder: string; remove: () => void };
  let repository: string;
  let corpus: string;

  beforeEach(() => {
    scratch = temporaryFolder('agree-');
    repository = path.join(scratch.folder, 'repo');
    corpus = path.join(repository, 'corpus');
    mkdirSync(corpus, { recursive: true });
    git(repository, 'init', '-q', '-b', 'main');
    // Left (main): three documents; right (other): two of them, one changed, one text edited.
    writeDocument(corpus, 'a.txt', petro, [['PERSON', 0, 13], ['LOCATION', 31, 37], ['LOCATION', 41, 50]]);
    writeDocument(corpus, 'news/b.txt', other, [['PERSON', 0, 7], ['LOCATION', 16, 28]]);
    writeDocument(corpus, 'only-main.txt', 'Lima.', [['LOCATION', 0, 4]]);
    writeFileSync(path.join(repository, 'outside.txt'), 'not in the corpus');
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'main');
    git(repository, 'checkout', '-q', '-b', 'other');
    writeDocument(corpus, 'a.txt', petro, [['PERSON', 8, 13], ['PERSON', 18, 27], ['ORG', 31, 37], ['LOCATION', 41, 50]]);
    writeDocument(corpus, 'news/b.txt', other, [['PERSON', 0, 7], ['LOCATION', 16, 28]]);
    git(repository, 'rm', '-q', 'corpus/only-main.txt', 'corpus/only-main.txt.ann.yaml');
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'other');
    git(repository, 'checkout', '-q', 'main');
  });
  afterEach(() => scratch.remove());

  it('compares two branches from git objects without touching the work tree', async () => {
    const before = git(repository, 'status', '--porcelain');
    const result = await runCli(['agree', 'git:main', 'git:other', '--json'], corpus);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { exact: { f1: number; matched: number }; overlap: { f1: number }; kappa: number; byType: Record<string, unknown>; byDocument: Array<{ path: string }>; disagreements: Array<{ path: string; line: number; column: number; kind: string }>; skipped: unknown[] };
    // a.txt: exact 1 of 3 vs 4 (see compareSides.test.ts); news/b.txt: 2 of 2 vs 2.
    // Exact: matched 3, left 5, right 6 => F1 = 6/11. Overlap: a.txt 2, b.txt 2 => F1 = 8/11.
    assert.equal(report.exact.matched, 3);
    assert.ok(Math.abs(report.exact.f1 - 6 / 11) < 1e-12);
    assert.ok(Math.abs(report.overlap.f1 - 8 / 11) < 1e-12);
    assert.equal(typeof report.kappa, 'number');
    assert.deepEqual(Object.keys(report.byType), ['LOCATION', 'ORG', 'PERSON']);
    assert.deepEqual(report.byDocument.map((document) => document.path), ['a.txt', 'news/b.txt']);
    assert.deepEqual(report.skipped, [{ path: 'only-main.txt', reason: 'missing-right' }]);
    assert.deepEqual(
      report.disagreements.map((item) => `${item.path}:${item.line}:${item.column} ${item.kind}`),
      ['a.txt:1:1 boundary', 'a.txt:1:19 only-right', 'a.txt:1:32 type'],
    );
    assert.equal(git(repository, 'status', '--porcelain'), before);
    assert.equal(git(repository, 'rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main');
  });

  it('prints a human report with path:line:column and both sides', async () => {
    const result = await runCli(['agree', 'git:main', 'git:other'], corpus);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Agreement: git:main \(left, the reference\) vs git:other \(right\)$/m);
    assert.match(result.stdout, /^exact\s+3\s+0\.500\s+0\.600\s+0\.545$/m);
    assert.match(result.stdout, /^a\.txt:1:1: boundary {2}left: PERSON "Gustavo Petro" {2}right: PERSON "Petro"$/m);
    assert.match(result.stdout, /^a\.txt:1:32: type {2}left: LOCATION "Bogota" {2}right: ORG "Bogota"$/m);
    assert.match(result.stdout, /^ {2}only-main\.txt: not on the right \(git:other\)$/m);
    assert.match(result.stdout, /^Documents, lowest agreement first:\nDocument +Left +Right +Exact F1 +Overlap F1\na\.txt /m);
  });

  it('compares a folder with a ref, with --root, and writes the CSV', async () => {
    const csv = path.join(scratch.folder, 'documents.csv');
    const result = await runCli(['agree', 'repo/corpus', 'git:other', '--root', 'repo/corpus', '--csv', 'documents.csv'], scratch.folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^repo\/corpus\/a\.txt:1:19: only-right {2}left: - {2}right: PERSON "the mayor"$/m);
    const rows = readFileSync(csv, 'utf8').split('\r\n');
    assert.equal(rows[0], 'left,right,path,left_annotations,right_annotations,exact_matched,exact_precision,exact_recall,exact_f1,overlap_matched,overlap_precision,overlap_recall,overlap_f1');
    assert.equal(rows[1], `repo/corpus,git:other,a.txt,3,4,1,0.25,${1 / 3},${2 / 7},2,0.5,${2 / 3},${4 / 7}`);
    assert.equal(rows[2], 'repo/corpus,git:other,news/b.txt,2,2,2,1,1,1,2,1,1,1');
  });

  it('skips a document whose text differs and one without a sidecar', async () => {
    writeFileSync(path.join(corpus, 'news/b.txt'), other.replace('sang', 'sings'));
    writeFileSync(path.join(corpus, 'untagged.txt'), 'Nobody tagged this.');
    const result = await runCli(['agree', '.', 'git:other', '--json'], corpus);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { skipped: unknown[] };
    // untagged.txt has no sidecar: it is on neither side, so it is not listed at all.
    assert.deepEqual(report.skipped, [
      { path: 'news/b.txt', reason: 'text-differs' },
      { path: 'only-main.txt', reason: 'missing-right' },
    ]);
  });

  it('reports an unreadable sidecar with its position and leaves the document out', async () => {
    writeFileSync(path.join(corpus, 'news/b.txt.ann.yaml'), 'format: news-annotator/1\nsource: [unclosed\n');
    const result = await runCli(['agree', '.', 'git:main'], corpus);
    assert.equal(result.code, 1);
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'broken');
    const fromGit = await runCli(['agree', 'git:HEAD', 'git:other'], corpus);
    assert.equal(fromGit.code, 1);
    assert.match(fromGit.stdout, /^ {4}HEAD:corpus\/news\/b\.txt\.ann\.yaml:\d+:\d+: error: /m);
    assert.match(result.stdout, /^ {2}news\/b\.txt: could not be read on \.$/m);
    assert.match(result.stdout, /^ {4}news\/b\.txt\.ann\.yaml:\d+:\d+: error: /m);
    assert.match(result.stderr, /1 document could not be read/);
    assert.match(result.stdout, /^Compared 2 document\(s\), skipped 1;/m);
  });

  it('reads no linked file, from a folder or from git', async () => {
    const secret = path.join(scratch.folder, 'secret.txt');
    writeFileSync(secret, 'SECRET-7f3a');
    symlinkSync(secret, path.join(corpus, 'linked.txt'));
    writeDocument(scratch.folder, 'target.txt', 'outside', [['PERSON', 0, 7]]);
    symlinkSync(path.join(scratch.folder, 'target.txt.ann.yaml'), path.join(corpus, 'linked.txt.ann.yaml'));
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'links');
    for (const side of ['.', 'git:HEAD']) {
      const result = await runCli(['agree', side, 'git:other', '--json'], corpus);
      assert.equal(result.code, 1, `${side}: ${result.stderr}`);
      const report = JSON.parse(result.stdout) as { unreadable: Array<{ path: string }>; byDocument: Array<{ path: string }> };
      assert.deepEqual(report.unreadable.map((item) => item.path), ['linked.txt'], side);
      assert.ok(!result.stdout.includes('SECRET-7f3a') && !result.stdout.includes('"outside"'), side);
    }
  });

  it('gives a pairwise matrix for three sides', async () => {
    const result = await runCli(['agree', 'git:main', 'git:other', '.', '--json'], corpus);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { sides: string[]; pairs: Array<{ left: string; right: string; exact: { f1: number } }>; matrix: { exactF1: Array<Array<number | null>>; overlapF1: unknown } };
    assert.deepEqual(output.sides, ['git:main', 'git:other', '.']);
    assert.deepEqual(output.pairs.map((pair) => `${pair.left} ${pair.right}`), ['git:main git:other', 'git:main .', 'git:other .']);
    const f1 = 6 / 11;
    // The work tree is main checked out: main and . agree completely.
    assert.deepEqual(output.matrix.exactF1, [
      [null, f1, 1],
      [f1, null, f1],
      [1, f1, null],
    ]);
    const human = await runCli(['agree', 'git:main', 'git:other', '.'], corpus);
    assert.match(human.stdout, /^Exact F1:\n +git:main +git:other +\.\ngit:main +- +0\.545 +1\.000$/m);
    assert.match(human.stdout, /^ {2}git:main vs git:other: exact F1 0\.545, overlap F1 0\.727, /m);
  });

  it('says clearly when a ref does not exist, or the folder is not in a repository', async () => {
    const missing = await runCli(['agree', 'git:main', 'git:no-such-branch'], corpus);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no commit named "no-such-branch"/);
    const option = await runCli(['agree', 'git:main', 'git:--output=x'], corpus);
    assert.equal(option.code, 1);
    assert.match(option.stderr, /no commit named "--output=x"/);
    const outside = temporaryFolder('agree-no-git-');
    try {
      const result = await runCli(['agree', '.', 'git:main'], outside.folder);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /is not inside a git repository/);
    } finally {
      outside.remove();
    }
  });

  it('rejects bad usage with exit code 2', async () => {
    assert.equal((await runCli(['agree', 'git:main'], corpus)).code, 2);
    assert.equal((await runCli(['agree', 'a', 'b', '--bogus'], corpus)).code, 2);
    const help = await runCli(['agree', '--help'], corpus);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-annotator agree LEFT RIGHT/);
  });

  it('gives the same report, output and exit code in one thread as split over several', async () => {
    // Forty documents in folders on two sides (folder and branch), differing the ways annotators
    // do, with one document only on one side, one with another text and an unreadable sidecar.
    assert.ok(workerScriptFound(), 'the worker script is beside compareInWorkers: the split is really tested');
    const names = ['Gustavo Petro', 'Bogotá', 'APC-Colombia', '北京', 'Shakira'];
    for (let index = 0; index < 40; index++) {
      const text = `${names[index % 5]} met ${names[(index + 2) % 5]} in ${names[(index + 1) % 5]} on day ${index}.\nAgain ${names[index % 5]}.`;
      const first = [...names[index % 5]].length;
      writeDocument(corpus, `batch${index % 4}/d${index}.txt`, text, [['PERSON', 0, first], ['ORG', first + 5, first + 5 + [...names[(index + 2) % 5]].length]]);
    }
    git(repository, 'add', '-A');
    git(repository, 'commit', '-q', '-m', 'batch');
    for (let index = 0; index < 40; index += 3) {
      const text = readFileSync(path.join(corpus, `batch${index % 4}/d${index}.txt`), 'utf8');
      writeDocument(corpus, `batch${index % 4}/d${index}.txt`, text, index % 2 === 0 ? [['PERSON', 0, 3], ['LOCATION', 4, 9]] : []);
    }
    writeFileSync(path.join(corpus, 'batch1/d5.txt'), 'Another text.');
    writeFileSync(path.join(corpus, 'batch2/d6.txt.ann.yaml'), 'format: news-annotator/1\nsource: [unclosed\n');
    writeDocument(corpus, 'batch3/new.txt', 'Only here.', [['MISC', 0, 4]]);
    for (const format of [['--json'], []]) {
      const single = await runCli(['agree', 'git:HEAD', '.', 'git:other', ...format, '--jobs', '1'], corpus);
      assert.equal(single.code, 1, single.stderr);
      assert.match(single.stdout, /batch2\/d6\.txt/);
      for (const jobs of ['2', '3']) {
        const split = await runCli(['agree', 'git:HEAD', '.', 'git:other', ...format, '--jobs', jobs], corpus);
        assert.deepEqual({ code: split.code, stdout: split.stdout, stderr: split.stderr }, { code: single.code, stdout: single.stdout, stderr: single.stderr }, `--jobs ${jobs} ${format.join(' ')}`);
      }
    }
    const bad = await runCli(['agree', '.', 'git:other', '--jobs', '0'], corpus);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--jobs needs a whole number/);
  });
});
