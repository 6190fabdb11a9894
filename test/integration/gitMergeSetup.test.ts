import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { api } from './support';

// The editor's set-up writes a driver command that runs the extension's own dist/cli.js; this
// checks it in a real git merge, with git starting the command the editor wrote.
describe('Set Up Git Merging', () => {
  const environment = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null' };
  let repository: string;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', ...args], { cwd: repository, env: environment, encoding: 'utf8' });
  const line = (id: string, start: number) => `  - {id: "${id}", type: "PERSON", start: ${start}, end: ${start + 1}, text: "x"}\n`;
  const sidecar = (...entries: string[]) =>
    '# News Annotator sidecar: annotations of a.txt. Offsets count Unicode code points; end is exclusive.\nformat: news-annotator/1\n' +
    `source: {file: "a.txt", sha256: "${'0'.repeat(64)}", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}\nstatus: "in-progress"\nannotations:\n${entries.join('')}`;

  before(async () => {
    await api();
    repository = mkdtempSync(path.join(tmpdir(), 'set up merging '));
  });
  after(() => rmSync(repository, { recursive: true, force: true }));

  it('sets up the repository of a folder, and git then merges two additions between the same entries', async () => {
    assert.equal(git('init', '-q', '-b', 'main').status, 0);
    writeFileSync(path.join(repository, 'a.txt.ann.yaml'), sidecar(line('base0001', 0), line('base0002', 100)));
    assert.equal(git('add', '-A').status, 0);
    assert.equal(git('commit', '-qm', 'base').status, 0);

    const done = await vscode.commands.executeCommand<boolean>('newsAnnotator.setUpGitMerging', vscode.Uri.file(repository));
    assert.equal(done, true);
    assert.equal(readFileSync(path.join(repository, '.gitattributes'), 'utf8'), '*.ann.yaml merge=news-annotator\n');
    const command = git('config', '--get', 'merge.news-annotator.driver').stdout;
    assert.match(command, /dist\/cli\.js'? merge-file --marker-size %L %O %A %B %P/);

    git('add', '.gitattributes');
    git('commit', '-qm', 'driver');
    git('checkout', '-qb', 'ben');
    writeFileSync(path.join(repository, 'a.txt.ann.yaml'), sidecar(line('base0001', 0), line('ben00001', 60), line('base0002', 100)));
    git('commit', '-qam', 'ben');
    git('checkout', '-q', 'main');
    writeFileSync(path.join(repository, 'a.txt.ann.yaml'), sidecar(line('base0001', 0), line('ana00001', 50), line('base0002', 100)));
    git('commit', '-qam', 'ana');
    const merged = git('merge', '--no-edit', 'ben');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assert.equal(readFileSync(path.join(repository, 'a.txt.ann.yaml'), 'utf8'), sidecar(line('base0001', 0), line('ana00001', 50), line('ben00001', 60), line('base0002', 100)));
  });
});
