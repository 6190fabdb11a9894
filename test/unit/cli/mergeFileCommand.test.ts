import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { runCli } from './cliTestSupport';

const sidecar = (annotations: Annotation[]): string =>
  serializeSidecar({
    format: 'news-annotator/1',
    source: { file: 'a.txt', sha256: '0'.repeat(64), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
  } satisfies Sidecar);
const tag = (id: string, start: number, note?: string): Annotation => ({ id, type: 'PERSON', start, end: start + 1, text: 'x', ...(note === undefined ? {} : { note }) });

describe('news-annotator merge-file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'merge-file-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(path.join(folder, name), text);
  const ours = () => readFileSync(path.join(folder, 'ours'), 'utf8');

  it('writes a clean merge to OURS and exits 0', async () => {
    write('base', sidecar([tag('a', 0)]));
    write('ours', sidecar([tag('a', 0), tag('o', 5)]));
    write('theirs', sidecar([tag('a', 0), tag('t', 3)]));
    const result = await runCli(['merge-file', 'base', 'ours', 'theirs', 'corpus/a.txt.ann.yaml'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(ours(), sidecar([tag('a', 0), tag('t', 3), tag('o', 5)]));
  });

  it('exits 1 with markers around the one conflicting entry, in the marker size asked for', async () => {
    write('base', sidecar([tag('a', 0), tag('b', 9)]));
    write('ours', sidecar([tag('a', 0, 'mine'), tag('b', 9)]));
    write('theirs', sidecar([tag('a', 0, 'yours')]));
    const result = await runCli(['merge-file', '--marker-size', '10', 'base', 'ours', 'theirs', 'a.txt.ann.yaml'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /a\.txt\.ann\.yaml: 1 conflict left/);
    assert.ok(ours().includes(`${'<'.repeat(10)} ours\n  - {id: "a", type: "PERSON", start: 0, end: 1, text: "x", note: "mine"}\n${'='.repeat(10)}\n`), ours());
    assert.ok(!ours().includes('id: "b"'), 'b was removed by theirs and unchanged by ours');
  });

  it('falls back to git\'s line merge for a version that is not a sidecar, and exits 1', async () => {
    write('base', 'one\ntwo\n');
    write('ours', 'one\ntwo\nthree\n');
    write('theirs', 'zero\none\ntwo\n');
    const result = await runCli(['merge-file', 'base', 'ours', 'theirs'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not merged by annotation: base: .*used git's line merge/);
    assert.equal(ours(), 'zero\none\ntwo\nthree\n');
  });

  it('refuses bad usage with exit 2', async () => {
    assert.equal((await runCli(['merge-file', 'base', 'ours'], folder)).code, 2);
    assert.equal((await runCli(['merge-file', '--marker-size', 'x', 'a', 'b', 'c'], folder)).code, 2);
    assert.equal((await runCli(['merge-driver'], folder)).code, 2);
    assert.equal((await runCli(['merge-driver', 'uninstall'], folder)).code, 2);
    const help = await runCli(['merge-file', '--help'], folder);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-annotator merge-file BASE OURS THEIRS/);
  });

  it('prints the set-up steps without doing them', async () => {
    assert.equal(spawnSync('git', ['init', '-q'], { cwd: folder }).status, 0);
    const result = await runCli(['merge-driver', 'install', '--print'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# In .*\necho '\*\.ann\.yaml merge=news-annotator' >> \.gitattributes\ngit config merge\.news-annotator\.name '.*'\ngit config merge\.news-annotator\.driver '.* merge-file --marker-size %L %O %A %B %P'\n$/);
    assert.ok(!existsSync(path.join(folder, '.gitattributes')));
  });
});
