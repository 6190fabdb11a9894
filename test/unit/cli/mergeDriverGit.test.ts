import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { validateSidecar } from '../../../src/core/sidecar/validateSidecar';
import { CodePointIndex } from '../../../src/core/text/codePoints';

// The command line as transpiled next to this test (out*/src/cli/main.js): always the code under
// test, whether or not dist/ was built. git runs it as the driver, in its own process.
const cliScript = path.resolve(__dirname, '../../../src/cli/main.js');

// Real repositories in a folder whose name has a space and a quote, with a sidecar whose name
// has a space: the driver command and %P must survive sh's word splitting.
const articleName = 'tram strike.txt';
const sidecarName = `${articleName}.ann.yaml`;
const positions = { base1: 0, base2: 100, ana: 50, ben: 60, x: 200, y: 300 };
const articleText = (() => {
  const characters: string[] = Array.from({ length: 320 }, (_, index) => (index % 10 === 9 ? '\n' : '.'));
  for (const at of Object.values(positions)) characters.splice(at, 5, ...'Sofia');
  return characters.join('');
})();

function tag(id: string, start: number, more: Partial<Annotation> = {}): Annotation {
  return { id, type: 'PERSON', start, end: start + 5, text: 'Sofia', ...more };
}

function sidecarWith(annotations: Annotation[]): string {
  const sidecar: Sidecar = {
    format: 'news-annotator/1',
    source: { file: articleName, sha256: createHash('sha256').update(articleText).digest('hex'), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
  };
  return serializeSidecar(sidecar);
}

const baseTags = [tag('base0001', positions.base1), tag('base0002', positions.base2)];

describe('the merge driver in real git repositories (merge, rebase, cherry-pick)', function () {
  this.timeout(60_000);
  let parent: string;
  let repository: string;
  const environment = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true' };

  function git(...args: string[]): { status: number; stdout: string; stderr: string } {
    const result = spawnSync('git', ['-c', 'user.name=Ana Test', '-c', 'user.email=ana@example.com', '-c', 'core.autocrlf=false', ...args], { cwd: repository, env: environment, encoding: 'utf8' });
    if (result.error !== undefined) throw result.error;
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }
  function gitOk(...args: string[]): string {
    const result = git(...args);
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }
  function commitSidecar(annotations: Annotation[], message: string): void {
    writeFileSync(path.join(repository, 'corpus', sidecarName), sidecarWith(annotations));
    gitOk('add', '-A');
    gitOk('commit', '-q', '-m', message);
  }
  const readSidecar = () => readFileSync(path.join(repository, 'corpus', sidecarName), 'utf8');
  function assertValidWith(ids: string[]): void {
    const text = readSidecar();
    const read = parseSidecar(text, sidecarName);
    assert.ok(read.ok && read.canonical, text);
    assert.deepEqual(read.sidecar.annotations.map((item) => item.id), ids);
    const problems = validateSidecar(read.sidecar, read.positions, new CodePointIndex(articleText), new Set(['PERSON', 'ORG', 'LOCATION']), sidecarName);
    assert.deepEqual(problems, []);
  }
  function installDriver(): string {
    const result = spawnSync(process.execPath, [cliScript, 'merge-driver', 'install', path.join(repository, 'corpus')], { cwd: os.tmpdir(), env: environment, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    gitOk('add', '.gitattributes');
    gitOk('commit', '-q', '-m', 'Merge sidecars by annotation id');
    return result.stdout;
  }

  before(function () {
    const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      console.warn('\n!!! GIT NOT FOUND: the merge driver was NOT checked !!!\n');
      this.skip();
    }
    assert.ok(existsSync(cliScript), `${cliScript} missing`);
  });

  beforeEach(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), "news annotator's merge "));
    repository = path.join(parent, 'team corpus');
    mkdirSync(path.join(repository, 'corpus'), { recursive: true });
    gitOk('init', '-q', '-b', 'main');
    writeFileSync(path.join(repository, 'corpus', articleName), articleText);
    writeFileSync(path.join(repository, '.gitattributes'), '*.txt text eol=lf\n');
    commitSidecar(baseTags, 'Two tags');
    // Two annotators tag a span each, both between the same two existing entries.
    gitOk('checkout', '-q', '-b', 'ana');
    commitSidecar([...baseTags, tag('ana00001', positions.ana)], 'Ana tags one');
    gitOk('checkout', '-q', '-b', 'ben', 'main');
    commitSidecar([...baseTags, tag('ben00001', positions.ben, { type: 'ORG' })], 'Ben tags one');
    gitOk('checkout', '-q', 'ana');
  });

  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('a plain git merge conflicts where both add tags between the same two entries; with the driver it is clean', () => {
    const plain = git('merge', '-q', '--no-edit', 'ben');
    assert.notEqual(plain.status, 0, 'git merged it line by line without a conflict: the test does not test the driver');
    assert.match(readSidecar(), /^<<<<<<< /m);
    gitOk('merge', '--abort');

    const printed = installDriver();
    assert.match(printed, /Commit it/);
    assert.equal(readFileSync(path.join(repository, '.gitattributes'), 'utf8'), '*.txt text eol=lf\n*.ann.yaml merge=news-annotator\n');
    assert.match(gitOk('config', '--get', 'merge.news-annotator.driver'), / merge-file --marker-size %L %O %A %B %P\n$/);
    // Installing again changes nothing.
    const again = spawnSync(process.execPath, [cliScript, 'merge-driver', 'install'], { cwd: repository, env: environment, encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already has/);
    assert.equal(gitOk('status', '--porcelain'), '');

    const merged = git('merge', '--no-edit', 'ben');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assertValidWith(['base0001', 'ana00001', 'ben00001', 'base0002']);
    assert.equal(readSidecar(), sidecarWith([...baseTags, tag('ana00001', positions.ana), tag('ben00001', positions.ben, { type: 'ORG' })]));
  });

  it('the same id changed differently on both sides conflicts on that entry only; the rest is merged', () => {
    installDriver();
    gitOk('checkout', '-q', '-b', 'x', 'ana');
    commitSidecar([tag('base0001', positions.base1, { type: 'ORG' }), tag('ana00001', positions.ana), baseTags[1], tag('x0000001', positions.x)], 'X');
    gitOk('checkout', '-q', '-b', 'y', 'ana');
    commitSidecar([tag('base0001', positions.base1, { type: 'LOCATION' }), tag('ana00001', positions.ana), baseTags[1], tag('y0000001', positions.y)], 'Y');
    const merged = git('merge', '--no-edit', 'x');
    assert.notEqual(merged.status, 0);
    assert.match(merged.stdout + merged.stderr, /CONFLICT/);
    assert.match(merged.stderr, /1 conflict left/);
    const lines = readSidecar().split('\n');
    const start = lines.indexOf('<<<<<<< ours');
    assert.deepEqual(lines.slice(start, start + 5), [
      '<<<<<<< ours',
      '  - {id: "base0001", type: "LOCATION", start: 0, end: 5, text: "Sofia"}',
      '=======',
      '  - {id: "base0001", type: "ORG", start: 0, end: 5, text: "Sofia"}',
      '>>>>>>> theirs',
    ]);
    assert.equal(lines.filter((line) => /^(<{7}|={7}|>{7})/.test(line)).length, 3);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('  - ')).map((line) => /id: "([^"]+)"/.exec(line)![1]),
      ['base0001', 'base0001', 'ana00001', 'base0002', 'x0000001', 'y0000001'],
    );
    assert.match(gitOk('status', '--porcelain'), /^UU "?corpus\/tram strike\.txt\.ann\.yaml"?$/m);
  });

  it('a rebase onto the other branch comes out with both sides once', () => {
    installDriver();
    gitOk('checkout', '-q', 'ben');
    gitOk('rebase', '-q', 'ana');
    assertValidWith(['base0001', 'ana00001', 'ben00001', 'base0002']);
    assert.equal(gitOk('log', '--format=%s', '-3'), 'Ben tags one\nMerge sidecars by annotation id\nAna tags one\n');
  });

  it('a cherry-pick of the other branch\'s commit comes out with both sides once', () => {
    installDriver();
    gitOk('cherry-pick', 'ben');
    assertValidWith(['base0001', 'ana00001', 'ben00001', 'base0002']);
  });

  it('a sidecar already holding conflict markers falls back to git\'s line merge, losing nothing', () => {
    installDriver();
    gitOk('checkout', '-q', '-b', 'broken', 'ana');
    writeFileSync(path.join(repository, 'corpus', sidecarName), sidecarWith(baseTags).replace('annotations:\n', 'annotations:\n<<<<<<< HEAD\n=======\n>>>>>>> old\n'));
    gitOk('commit', '-q', '-am', 'Committed a conflict');
    gitOk('checkout', '-q', 'ana');
    commitSidecar([...baseTags, tag('ana00001', positions.ana), tag('ana00002', positions.x)], 'Ana tags another');
    const merged = git('merge', '--no-edit', 'broken');
    assert.notEqual(merged.status, 0);
    assert.match(merged.stderr, /not merged by annotation: theirs: line 6/);
    // git's line merge found nothing overlapping: both sides' lines are there, and the file is
    // still left for a person to check.
    const text = readSidecar();
    assert.ok(text.includes('ana00002') && text.includes('>>>>>>> old'), text);
    assert.match(gitOk('status', '--porcelain'), /^UU /m);
  });
});
