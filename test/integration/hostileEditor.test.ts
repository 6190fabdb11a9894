import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, eventually, openArticle, restoreSampleCorpus, select, workspaceFile } from './support';

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((item) => item.source === 'News Annotator');
}

describe('Hostile files in the editor', () => {
  after(restoreSampleCorpus);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses to tag a text that is not UTF-8, and says how to convert it', async () => {
    const file = 'es/nota-latin1.txt';
    // "Bogotá firmó" in Latin-1: 0xE1 and 0xF3 are not UTF-8.
    writeFileSync(workspaceFile(file).fsPath, Buffer.from('La alcaldesa de Bogot\xe1 firm\xf3 el acuerdo.\n', 'latin1'));
    const editor = await openArticle(file);
    editor.selection = select(editor, 'alcaldesa');
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'PERSON' }), 0);
    assert.equal(existsSync(`${workspaceFile(file).fsPath}.ann.yaml`), false, 'no sidecar was written');
    const problem = await eventually(() => diagnosticsOf(editor.document.uri).find((item) => item.code === 'text-encoding'), 'the encoding problem');
    assert.match(problem.message, /not UTF-8.*Latin-1.*iconv -f ISO-8859-1 -t UTF-8/);
    assert.equal(problem.range.start.line, 0);
  });

  it('refuses a sidecar that is a link, without reading what it points to, and never writes through it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    const secret = path.join(outside, 'credentials.env');
    writeFileSync(secret, 'GITHUB_TOKEN=ghp_notarealtoken\n');
    const file = 'en/nile-basin-water-project.txt';
    const sidecar = `${workspaceFile(file).fsPath}.ann.yaml`;
    symlinkSync(secret, sidecar);
    try {
      const editor = await openArticle(file);
      editor.selection = select(editor, 'Nile');
      assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'LOCATION' }), 0);
      assert.equal(readFileSync(secret, 'utf8'), 'GITHUB_TOKEN=ghp_notarealtoken\n', 'nothing was written through the link');
      const everything = vscode.languages.getDiagnostics().flatMap(([, items]) => items.map((item) => item.message));
      assert.ok(!everything.some((message) => message.includes('ghp_')), 'no problem quotes the linked file');
      const rows = await (await api()).corpusRows();
      assert.ok(!rows.some((row) => row.includes('ghp_')));
    } finally {
      unlinkSync(sidecar);
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a project file that is a link, without quoting what it points to', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'project-outside-'));
    const target = path.join(outside, 'settings.yaml');
    writeFileSync(target, 'types:\n  - name: SECRET_TOKEN_ghp_notreal\n');
    const projectFile = workspaceFile('news-annotator.yaml');
    // The sample corpus has a project file of its own: set it aside while the link stands in for it.
    const own = `${projectFile.fsPath}.own`;
    renameSync(projectFile.fsPath, own);
    symlinkSync(target, projectFile.fsPath);
    try {
      const problem = await eventually(() => vscode.languages.getDiagnostics(projectFile).find((item) => /link/.test(item.message)), 'the refused project file in Problems', 10_000);
      assert.ok(!problem.message.includes('SECRET_TOKEN'), problem.message);
      const everything = vscode.languages.getDiagnostics().flatMap(([, items]) => items.map((item) => item.message));
      assert.ok(!everything.some((message) => message.includes('SECRET_TOKEN')));
    } finally {
      unlinkSync(projectFile.fsPath);
      renameSync(own, projectFile.fsPath);
      rmSync(outside, { recursive: true, force: true });
    }
    await eventually(() => (vscode.languages.getDiagnostics(projectFile).length === 0 ? true : undefined), 'the problem to go with the link', 10_000);
  });
});
