import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AgreementReport, Disagreement } from '../../src/core/agreement/agreementReport';
import { api, eventually, readSidecarFromDisk, restoreSampleCorpus, workspaceFile } from './support';

// Ships without a sidecar: the test writes one with two annotators' tags.
const article = 'en/nile-basin-water-project.txt';

interface Entry {
  id: string;
  type: string;
  word: string;
  occurrence?: number;
  annotator: string;
}

/** Code-point offsets of the n-th occurrence of `word` in `text`. */
function span(text: string, word: string, occurrence = 0): { start: number; end: number } {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) index = text.indexOf(word, index + 1);
  assert.ok(index >= 0, `${word} is not in the article`);
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(word).length };
}

/** A sidecar for `textFile` (its real hash, so nothing is re-anchored) with these tags. */
function writeSidecar(textFile: string, entries: readonly Entry[]): void {
  const bytes = readFileSync(textFile);
  const text = bytes.toString('utf8');
  const lines = entries.map((entry) => {
    const { start, end } = span(text, entry.word, entry.occurrence);
    return `  - {id: "${entry.id}", type: "${entry.type}", start: ${start}, end: ${end}, text: ${JSON.stringify(entry.word)}, annotator: "${entry.annotator}"}`;
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(
    `${textFile}.ann.yaml`,
    [`format: news-annotator/1`, `source: {file: "${path.basename(textFile)}", sha256: "${sha256}", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}`, `status: "in-progress"`, `annotations:`, ...lines, ''].join('\n'),
  );
}

const tags = (relative: string) =>
  (readSidecarFromDisk(relative)?.annotations ?? []).map((entry) => `${entry.type}:${entry.text}`).sort();

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open on the disagreement');
  return editor.document.getText(editor.selection);
}

const spanText = (item: Disagreement | undefined) => item?.left?.text ?? item?.right?.text;

describe('Adjudication in the editor', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSampleCorpus();
  });

  it('compares two annotators, jumps to a disagreement, accepts theirs and undoes it', async () => {
    const extension = await api();
    writeSidecar(workspaceFile(article).fsPath, [
      { id: 'alice001', type: 'PERSON', word: 'Helena Okwuosa-Brandt', annotator: 'alice' },
      { id: 'bob00001', type: 'PERSON', word: 'Helena Okwuosa-Brandt', annotator: 'bob' },
      { id: 'alice002', type: 'LOCATION', word: 'Kampala', annotator: 'alice' },
      { id: 'bob00002', type: 'ORG', word: 'Kampala', annotator: 'bob' },
      { id: 'bob00003', type: 'LOCATION', word: 'Entebbe', annotator: 'bob' },
    ]);
    const report = await vscode.commands.executeCommand<AgreementReport | undefined>('newsAnnotator.compareAnnotations', { annotators: ['alice', 'bob'] });
    assert.ok(report, 'the command returns the report');
    const shown = await eventually(() => extension.agreementReport(), 'the report panel');
    assert.equal(shown.left, 'alice');
    assert.equal(shown.right, 'bob');
    assert.equal(shown.exact.matched, 1, 'Helena Okwuosa-Brandt is the one tag both made');
    assert.deepEqual(shown.disagreements.map((item) => `${item.kind}:${spanText(item)}`).sort(), ['only-right:Entebbe', 'type:Kampala']);

    const first = await vscode.commands.executeCommand<{ disagreement: Disagreement } | undefined>('newsAnnotator.nextDisagreement');
    assert.ok(first);
    assert.equal(extension.currentDisagreement(), shown.disagreements[0]);
    assert.equal(selectedText(), spanText(shown.disagreements[0]), 'Next Disagreement selects its span');
    const uri = vscode.window.activeTextEditor!.document.uri;
    assert.equal(uri.toString(), workspaceFile(article).toString());
    const ghosts = extension.ghostSpans(uri);
    assert.ok(ghosts.some((ghost) => ghost.endsWith('theirs: ORG')) && ghosts.some((ghost) => ghost.endsWith('theirs: LOCATION')), `ghosts: ${ghosts.join(', ')}`);
    assert.equal(extension.ghostLabelDecorations(uri), 2, 'word wrap off: the labels are decoration text');

    // With word wrap on, the labels are inlay hints the editor wraps (decoration text ran under the minimap).
    const theirLabels = async () => {
      const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, vscode.window.activeTextEditor!.document.lineCount, 0))) ?? [];
      return hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''))).filter((label) => label.startsWith('theirs: ')).sort();
    };
    const settings = vscode.workspace.getConfiguration('editor');
    await settings.update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    try {
      await eventually(async () => ((await theirLabels()).length === 2 ? true : undefined), 'two "theirs" inlay hints with word wrap on');
      assert.deepEqual(await theirLabels(), ['theirs: LOCATION', 'theirs: ORG']);
      assert.equal(extension.ghostLabelDecorations(uri), 0, 'word wrap on: no decoration text');
      assert.equal(extension.ghostSpans(uri).length, 2, 'the dashed outlines stay');
    } finally {
      await settings.update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => ((await theirLabels()).length === 0 ? true : undefined), 'no "theirs" inlay hints once word wrap is off again');

    // Walk to the type disagreement on Kampala and accept bob's ORG.
    while (extension.currentDisagreement()?.kind !== 'type') await vscode.commands.executeCommand('newsAnnotator.nextDisagreement');
    assert.equal(selectedText(), 'Kampala');
    assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.resolveDisagreement', { resolution: 'accept-theirs' }), true);
    assert.deepEqual(tags(article), ['LOCATION:Entebbe', 'ORG:Kampala', 'PERSON:Helena Okwuosa-Brandt', 'PERSON:Helena Okwuosa-Brandt']);
    const after = await eventually(() => (extension.agreementReport()?.disagreements.length === 1 ? extension.agreementReport() : undefined), 'the report without the settled disagreement');
    assert.equal(after.disagreements[0]?.kind, 'only-right');
    assert.equal(selectedText(), 'Entebbe', 'the cursor moves on to the next disagreement');

    // One undo step puts alice's tag back, and the disagreement comes back with it.
    await vscode.commands.executeCommand('newsAnnotator.undo');
    assert.deepEqual(tags(article), ['LOCATION:Entebbe', 'LOCATION:Kampala', 'ORG:Kampala', 'PERSON:Helena Okwuosa-Brandt', 'PERSON:Helena Okwuosa-Brandt']);
    await eventually(() => (extension.agreementReport()?.disagreements.length === 2 ? true : undefined), 'the disagreement back in the report after the undo');
  });

  it('compares with another folder and adds their tag to our sidecar, one undo step', async () => {
    const extension = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSampleCorpus();
    const other = mkdtempSync(path.join(tmpdir(), 'theirs-'));
    try {
      mkdirSync(path.join(other, 'en'));
      const copy = path.join(other, article);
      cpSync(workspaceFile(article).fsPath, copy);
      writeSidecar(copy, [
        { id: 'their0001', type: 'LOCATION', word: 'Entebbe', annotator: 'bob' },
        { id: 'their0002', type: 'PERSON', word: 'Helena Okwuosa-Brandt', annotator: 'bob' },
      ]);
      // Only documents with a sidecar on both sides are compared (as `news-annotator agree` counts).
      writeSidecar(workspaceFile(article).fsPath, [{ id: 'alice001', type: 'PERSON', word: 'Helena Okwuosa-Brandt', annotator: 'alice' }]);
      const report = await vscode.commands.executeCommand<AgreementReport | undefined>('newsAnnotator.compareAnnotations', { folder: other });
      assert.ok(report);
      const shown = await eventually(() => (extension.agreementReport()?.right === path.basename(other) ? extension.agreementReport() : undefined), 'the report against the other folder');
      assert.deepEqual(shown.disagreements.map((item) => `${item.kind}:${spanText(item)}`), ['only-right:Entebbe']);
      assert.ok(shown.skipped.some((item) => item.reason === 'missing-right'), 'our other articles are not in their folder');
      await vscode.commands.executeCommand('newsAnnotator.nextDisagreement');
      assert.equal(selectedText(), 'Entebbe');
      assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.resolveDisagreement', { resolution: 'accept-theirs' }), true);
      assert.deepEqual(tags(article), ['LOCATION:Entebbe', 'PERSON:Helena Okwuosa-Brandt']);
      await eventually(() => (extension.agreementReport()?.disagreements.length === 0 ? true : undefined), 'no disagreement left');
      await vscode.commands.executeCommand('newsAnnotator.undo');
      assert.deepEqual(tags(article), ['PERSON:Helena Okwuosa-Brandt']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('compares with a git branch read without a checkout, and rejects both', async () => {
    const extension = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSampleCorpus();
    const root = workspaceFile('.').fsPath;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    try {
      git('init', '-q', '-b', 'main');
      git('config', 'user.email', 'lead@example.com');
      git('config', 'user.name', 'Lead');
      git('add', '.');
      git('commit', '-q', '-m', 'corpus');
      git('checkout', '-q', '-b', 'bob');
      writeSidecar(workspaceFile(article).fsPath, [{ id: 'bob00001', type: 'ORG', word: 'Kampala', annotator: 'bob' }]);
      git('add', '.');
      git('commit', '-q', '-m', 'bob tags');
      git('checkout', '-q', 'main');
      assert.equal(existsSync(`${workspaceFile(article).fsPath}.ann.yaml`), false, 'bob\'s sidecar is only on his branch');
      writeSidecar(workspaceFile(article).fsPath, [{ id: 'alice002', type: 'LOCATION', word: 'Kampala', annotator: 'alice' }]);
      const report = await vscode.commands.executeCommand<AgreementReport | undefined>('newsAnnotator.compareAnnotations', { git: 'bob' });
      assert.ok(report);
      const shown = await eventually(() => (extension.agreementReport()?.right === 'git:bob' ? extension.agreementReport() : undefined), 'the report against the branch');
      assert.deepEqual(shown.disagreements.map((item) => `${item.kind}:${item.left?.type}/${item.right?.type}:${spanText(item)}`), ['type:LOCATION/ORG:Kampala']);
      assert.equal(git('rev-parse', '--abbrev-ref', 'HEAD').trim(), 'main', 'nothing was checked out');
      await vscode.commands.executeCommand('newsAnnotator.nextDisagreement');
      assert.equal(selectedText(), 'Kampala');
      assert.equal(await vscode.commands.executeCommand<boolean>('newsAnnotator.resolveDisagreement', { resolution: 'reject-both' }), true);
      assert.deepEqual(tags(article), []);
      await eventually(() => (extension.agreementReport()?.disagreements.length === 0 ? true : undefined), 'the disagreement settled');
    } finally {
      rmSync(path.join(root, '.git'), { recursive: true, force: true });
    }
  });
});
