import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/sidecar/model';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { entryIndent, serializeAnnotation, serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { api, eventually, restoreSampleCorpus, workspaceFile } from './support';

const file = 'en/cartagena-hangzhou-sister-cities.txt';

/** The sidecar as the merge driver leaves it when two annotators changed one entry differently. */
function conflictOn(original: string, target: Annotation, ours: Annotation, theirs: Annotation): string {
  const line = `${entryIndent}${serializeAnnotation(target)}\n`;
  assert.ok(original.includes(line), 'the sample sidecar is canonical, one entry per line');
  return original.replace(line, `<<<<<<< ours\n${entryIndent}${serializeAnnotation(ours)}\n=======\n${entryIndent}${serializeAnnotation(theirs)}\n>>>>>>> theirs\n`);
}

describe('Conflict resolution: a conflicted sidecar resolved in the editor', () => {
  after(restoreSampleCorpus);

  it('Keep Both from the CodeLens writes a canonical sidecar with both entries, the tags show again, undo brings the conflict back', async () => {
    const extension = await api();
    const article = workspaceFile(file);
    const sidecarUri = workspaceFile(`${file}.ann.yaml`);
    const original = readFileSync(sidecarUri.fsPath, 'utf8');
    const parsed = parseSidecar(original, sidecarUri.fsPath);
    assert.ok(parsed.ok);
    const count = parsed.sidecar.annotations.length;
    const target = parsed.sidecar.annotations[1];
    const ours = { ...target, note: 'checked by A' };
    const theirs = { ...target, note: 'checked by B' };
    const conflicted = conflictOn(original, target, ours, theirs);

    assert.equal((await extension.annotationsOf(article)).length, count);
    writeFileSync(sidecarUri.fsPath, conflicted);
    await eventually(async () => ((await extension.annotationsOf(article)).length === 0 ? true : undefined), 'the article to drop its tags once the sidecar is conflicted');

    // What "Resolve…" runs from the article's message: the sidecar opens at its first conflict.
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.openConflictedSidecar', { uri: article.toString() }), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), sidecarUri.toString());
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 6);
    const sidecar = await vscode.workspace.openTextDocument(sidecarUri);
    await eventually(() => (sidecar.getText() === conflicted ? true : undefined), 'the sidecar editor to show the conflicted text');
    // VS Code's own merge-conflict lenses (Accept Current Change, ...) are there too; ours are these.
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', sidecarUri)).filter((lens) => lens.command?.command === 'newsAnnotator.resolveConflict');
    assert.deepEqual(
      lenses.map((lens) => `${lens.range.start.line + 1} ${lens.command?.title ?? ''}`),
      ['7 Keep Ours', '7 Keep Theirs', '7 Keep Both', '7 Keep All Ours', '7 Keep All Theirs'],
    );
    const quickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecarUri, new vscode.Range(7, 0, 7, 0));
    assert.deepEqual(
      // VS Code lists the preferred fix (Keep Both) first.
      quickFixes.map((action) => action.title).filter((title) => title.startsWith('Keep')),
      ['Keep Both', 'Keep Ours', 'Keep Theirs', 'Keep All Ours', 'Keep All Theirs'],
    );

    const keepBoth = lenses.find((lens) => lens.command?.title === 'Keep Both')?.command;
    assert.ok(keepBoth);
    assert.equal(await vscode.commands.executeCommand(keepBoth.command, ...((keepBoth.arguments ?? []) as unknown[])), true);

    const resolved = readFileSync(sidecarUri.fsPath, 'utf8');
    const read = parseSidecar(resolved, sidecarUri.fsPath);
    assert.ok(read.ok && read.canonical, resolved);
    assert.equal(resolved, serializeSidecar(read.sidecar));
    const notes = read.sidecar.annotations.filter((annotation) => annotation.start === target.start && annotation.end === target.end);
    assert.deepEqual(notes.map((annotation) => annotation.note).sort(), ['checked by A', 'checked by B']);
    assert.equal(notes.find((annotation) => annotation.note === 'checked by A')?.id, target.id, 'ours keeps its id');
    assert.notEqual(notes.find((annotation) => annotation.note === 'checked by B')?.id, target.id, 'theirs gets a fresh one');

    const shown = await eventually(async () => {
      const annotations = await extension.annotationsOf(article);
      return annotations.length === count + 1 ? annotations : undefined;
    }, 'the article to show its tags again', 10_000);
    assert.ok(shown.every((annotation) => annotation.state === 'ok'), JSON.stringify(shown));

    assert.equal(await vscode.commands.executeCommand('newsAnnotator.undo'), 'Keep Both');
    assert.equal(readFileSync(sidecarUri.fsPath, 'utf8'), conflicted);
    await eventually(async () => ((await extension.annotationsOf(article)).length === 0 ? true : undefined), 'undo to bring the conflict back');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.redo'), 'Keep Both');
    assert.equal(readFileSync(sidecarUri.fsPath, 'utf8'), resolved);
  });
});
