import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually } from '../support';

/** Runs in a workspace with two folders, `newsroom-a` and `newsroom-b`, each a copy of the sample corpus. */
describe('Multi-root workspace', () => {
  const folder = (name: string) => {
    const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
    assert.ok(found, `no workspace folder ${name}`);
    return found;
  };

  it('lists the corpus of every folder, each under its folder name', async () => {
    const extension = await api();
    // The folders can reach the extension after it started: the index is rebuilt then.
    let last: readonly string[] = [];
    const files = await eventually(async () => {
      const listed = await extension.corpusFiles();
      last = listed;
      return listed.includes('newsroom-a/en/cartagena-hangzhou-sister-cities.txt') ? listed : undefined;
    }, 'both folders to be indexed', 20_000).catch((error: Error) => assert.fail(`${error.message}; folders ${vscode.workspace.workspaceFolders?.map((item) => item.name).join(', ')}; listed ${last.length}: ${last.slice(0, 3).join(', ')}`));
    assert.ok(files.includes('newsroom-b/zh/hangzhou-cartagena-friendship-city.txt'));
    const rows = await extension.corpusRows();
    assert.ok(rows.includes('newsroom-a | 10 files · 9 to do · 86 tags') && rows.includes('newsroom-b | 10 files · 9 to do · 86 tags'), rows.slice(0, 4).join('\n'));
  });

  it('searches both folders and tags into the right folder', async () => {
    const extension = await api();
    const results = await extension.searchTags('Zhou Mingyuan');
    assert.ok(results.length >= 2, results.join(' / '));
    const uri = vscode.Uri.joinPath(folder('newsroom-b').uri, 'en/nile-basin-water-project.txt');
    const editor = await vscode.window.showTextDocument(uri);
    const start = editor.document.getText().indexOf('Entebbe');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Entebbe'.length));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.tagSelection', { type: 'LOCATION' }), 1);
    assert.match(readFileSync(`${uri.fsPath}.ann.yaml`, 'utf8'), /text: "Entebbe"/);
    await eventually(async () => ((await extension.corpusRows()).includes('newsroom-b | 10 files · 9 to do · 87 tags') ? true : undefined), 'the count to change in newsroom-b only');
    assert.ok((await extension.corpusRows()).includes('newsroom-a | 10 files · 9 to do · 86 tags'));
  });
});
