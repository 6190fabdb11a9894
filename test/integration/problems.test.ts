import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually, openArticle, readSidecarFromDisk, select, workspaceFile, restoreSampleCorpus } from './support';

const file = 'en/mombasa-port-modernisation-deal.txt';

/** Runs a quick fix the way the light bulb does: its command with its arguments. */
async function runQuickFix(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.command);
  await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

describe('Orphans, quick fixes and what is not corpus', () => {
  after(restoreSampleCorpus);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports an annotation whose text vanished outside VS Code, and re-attaches it with a quick fix', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const path = workspaceFile(file).fsPath;
    const before = readSidecarFromDisk(file)!.annotations.find((entry) => entry.text === 'Grace Njeri-Holm');
    assert.ok(before, 'the sample sidecar tags the byline');
    // The newsroom replaced the byline while the file was closed: the old quote is gone.
    writeFileSync(path, readFileSync(path, 'utf8').replace('Grace Njeri-Holm', 'Wanjiru Otieno'));
    const editor = await openArticle(file);
    // VS Code may still hold the document from an earlier test and reload it from disk a moment later.
    await eventually(
      async () => ((await (await api()).annotationsOf(editor.document.uri)).find((item) => item.id === before.id)?.state === 'orphan' ? true : undefined),
      'the annotation to be kept as an orphan, not dropped',
    );
    const diagnostic = await eventually(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((item) => item.message.includes('Grace Njeri-Holm')),
      'an orphan problem on the article',
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);

    editor.selection = select(editor, 'Wanjiru Otieno');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection);
    const reattach = actions.find((action) => action.title.startsWith('Re-attach PERSON “Grace Njeri-Holm”'));
    assert.ok(reattach?.command, `no re-attach quick fix among: ${actions.map((action) => action.title).join(' | ')}`);
    await runQuickFix(reattach);
    const after = readSidecarFromDisk(file)!.annotations.find((entry) => entry.id === before.id);
    assert.equal(after?.text, 'Wanjiru Otieno');
    await eventually(() => (vscode.languages.getDiagnostics(editor.document.uri).some((item) => item.message.includes('Grace Njeri-Holm')) ? undefined : true), 'the problem to go away');
  });

  it('flags a name found only approximately, and accepts it with a quick fix', async () => {
    const path = workspaceFile(file).fsPath;
    const before = readSidecarFromDisk(file)!.annotations.find((entry) => entry.text === 'Gao Liyun');
    assert.ok(before);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Gao Liyun', 'Gao Li-yun'));
    const editor = await openArticle(file);
    const fuzzy = await eventually(async () => (await (await api()).annotationsOf(editor.document.uri)).find((item) => item.id === before.id && item.state === 'fuzzy'), 'the approximate match');
    const range = new vscode.Range(editor.document.positionAt(fuzzy.start), editor.document.positionAt(fuzzy.start + 1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    const accept = actions.find((action) => action.title === 'Accept PERSON “Gao Liyun” where it was found');
    assert.ok(accept?.command, `no accept quick fix among: ${actions.map((action) => action.title).join(' | ')}`);
    await runQuickFix(accept);
    assert.equal(readSidecarFromDisk(file)!.annotations.find((entry) => entry.id === before.id)?.text, 'Gao Li-yun');
  });

  it('removes an orphan with its quick fix', async () => {
    const path = workspaceFile(file).fsPath;
    const before = readSidecarFromDisk(file)!.annotations.find((entry) => entry.text === 'Lamu');
    assert.ok(before);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('Lamu', 'L.'));
    const editor = await openArticle(file);
    await eventually(async () => ((await (await api()).annotationsOf(editor.document.uri)).find((item) => item.id === before.id)?.state === 'orphan' ? true : undefined), 'the orphan');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0));
    const remove = actions.find((action) => action.title === 'Remove LOCATION “Lamu”');
    assert.ok(remove?.command);
    await runQuickFix(remove);
    assert.equal(readSidecarFromDisk(file)!.annotations.some((entry) => entry.id === before.id), false);
  });

  it('records the annotator named in the settings', async () => {
    await vscode.workspace.getConfiguration('newsAnnotator').update('annotator', 'Reviewer Rosa', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openArticle('es/festival-mar-y-seda-cartagena.txt');
      editor.selection = select(editor, 'Cartagena');
      await vscode.commands.executeCommand('newsAnnotator.tagSelection', { type: 'LOCATION' });
      const path = `${workspaceFile('es/festival-mar-y-seda-cartagena.txt').fsPath}.ann.yaml`;
      assert.match(readFileSync(path, 'utf8'), /annotator: "Reviewer Rosa"/);
    } finally {
      await vscode.workspace.getConfiguration('newsAnnotator').update('annotator', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('does not tag files outside the corpus, such as README.md or a sidecar', async () => {
    for (const name of ['README.md', `${file}.ann.yaml`]) {
      const editor = await vscode.window.showTextDocument(workspaceFile(name));
      editor.selection = new vscode.Selection(0, 0, 0, 4);
      const before = readFileSync(workspaceFile(name).fsPath, 'utf8');
      assert.equal(await vscode.commands.executeCommand('newsAnnotator.tagSelection', { type: 'MISC' }), 0, name);
      assert.equal((await (await api()).annotationsOf(workspaceFile(name))).length, 0);
      assert.equal(readFileSync(workspaceFile(name).fsPath, 'utf8'), before);
    }
  });
});
