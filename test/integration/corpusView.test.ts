import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { restoreSampleCorpus } from './support';
import type { NewsAnnotatorApi } from '../../src/vscode/testApi';

const extensionId = 'news-annotator.news-annotator';

/** Text files under a folder, listed with plain Node so the check does not reuse the extension's own code. */
function textFilesOnDisk(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return textFilesOnDisk(full, `${prefix}${name}/`);
    return name.endsWith('.txt') ? [`${prefix}${name}`] : [];
  });
}

async function activatedApi(): Promise<NewsAnnotatorApi> {
  const extension = vscode.extensions.getExtension<NewsAnnotatorApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this host`);
  return extension.activate();
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs the sample corpus open as a workspace folder');
  return folder.uri.fsPath;
}

describe('Corpus view', () => {
  after(restoreSampleCorpus);

  it('lists every text file of the sample corpus, in every language folder, and no sidecar', async () => {
    const api = await activatedApi();
    const listed = await api.corpusFiles();
    const expected = textFilesOnDisk(workspaceRoot()).sort();
    assert.ok(expected.length >= 8, `the sample corpus should have at least 8 articles, found ${expected.length}`);
    assert.deepEqual([...listed].sort(), expected);
    assert.ok(listed.some((file) => file.startsWith('en/')) && listed.some((file) => file.startsWith('zh/')));
    assert.ok(!listed.some((file) => file.endsWith('.ann.yaml')));
  });

  it('summarises the corpus from the command palette command', async () => {
    const message = await vscode.commands.executeCommand<string>('newsAnnotator.showCorpusSummary');
    const total = textFilesOnDisk(workspaceRoot()).length;
    assert.match(message, new RegExp(`^News Annotator: ${total} corpus files, \\d+ with annotations\\.$`));
  });

  it('opens a file that has no annotations yet with Open Next Untagged File', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('newsAnnotator.openNextFile');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor was opened');
    assert.ok(editor.document.uri.fsPath.endsWith('.txt'), editor.document.uri.fsPath);
    const sidecar = `${editor.document.uri.fsPath}.ann.yaml`;
    const annotations = existsSync(sidecar) ? ((parse(readFileSync(sidecar, 'utf8')) as { annotations?: unknown[] }).annotations ?? []) : [];
    assert.equal(annotations.length, 0, `${editor.document.uri.fsPath} already has tags`);
  });
});
