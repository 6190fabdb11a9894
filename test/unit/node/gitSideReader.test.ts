import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localBranches, readGitSide } from '../../../src/node/gitSideReader';

describe('readGitSide', () => {
  let repository: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repository, encoding: 'utf8' });

  before(() => {
    repository = mkdtempSync(path.join(tmpdir(), 'git-side-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    mkdirSync(path.join(repository, 'corpus', 'es'), { recursive: true });
    // A name with a space and non-ASCII letters: -z keeps it unquoted.
    const text = 'Ana vive en Bogotá.';
    writeFileSync(path.join(repository, 'corpus', 'es', 'una nota ñ.txt'), text);
    writeFileSync(path.join(repository, 'corpus', 'other.md'), 'not corpus');
    git('add', '.');
    git('commit', '-q', '-m', 'texts');
    git('checkout', '-q', '-b', 'bob');
    const sidecar = [
      'format: news-annotator/1',
      'source: {file: "una nota ñ.txt", sha256: "", unit: codepoint, encoding: utf-8, bom: false, newline: none}',
      'status: in-progress',
      'annotations:',
      '  - {id: b1, type: LOCATION, start: 12, end: 18, text: "Bogotá", annotator: bob}',
      '',
    ].join('\n');
    writeFileSync(path.join(repository, 'corpus', 'es', 'una nota ñ.txt.ann.yaml'), sidecar);
    git('add', '.');
    git('commit', '-q', '-m', 'bob tags');
    git('checkout', '-q', 'main');
  });

  after(() => rmSync(repository, { recursive: true, force: true }));

  it('reads a branch without checking it out, relative to the folder inside the repository', async () => {
    const { side, unreadable } = await readGitSide(path.join(repository, 'corpus'), 'bob', (file) => file.endsWith('.txt'));
    assert.equal(side.name, 'git:bob');
    assert.deepEqual(unreadable, []);
    assert.deepEqual(
      side.documents.map((document) => [document.path, document.text, document.annotations.map((annotation) => `${annotation.type}:${annotation.text}`)]),
      [['es/una nota ñ.txt', 'Ana vive en Bogotá.', ['LOCATION:Bogotá']]],
    );
    // The work tree is still on main, without the sidecar.
    assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main');
    const onMain = await readGitSide(path.join(repository, 'corpus'), 'main', (file) => file.endsWith('.txt'));
    assert.deepEqual(onMain.side.documents[0].annotations, []);
  });

  it('lists local branches and refuses a ref that looks like an option', async () => {
    assert.deepEqual((await localBranches(repository)).sort(), ['bob', 'main']);
    await assert.rejects(readGitSide(repository, '--output=/tmp/x', () => true), /not a branch/);
  });
});
