import assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, openArticle, readSidecarFromDisk, select, workspaceFile } from '../support';

/** The first window to claim the role file is "first"; the other is "second". */
function claimRole(root: string): 'first' | 'second' {
  try {
    closeSync(openSync(path.join(root, '.window-first'), 'wx'));
    return 'first';
  } catch {
    return 'second';
  }
}

describe('Two windows on one folder', () => {
  it('both tag the same article at the same moment, and both tags are in the sidecar', async () => {
    const file = 'en/senegal-colombia-vaccine-cold-chain.txt';
    const root = workspaceFile('.').fsPath;
    const role = claimRole(root);
    const word = role === 'first' ? 'Senegal' : 'Colombia';
    const editor = await openArticle(file);
    editor.selection = select(editor, word);
    // Meet the other window, then tag at once: the two writes race for the same sidecar.
    writeFileSync(path.join(root, `.window-ready-${role}`), '');
    await eventually(() => (existsSync(path.join(root, '.window-ready-first')) && existsSync(path.join(root, '.window-ready-second')) ? true : undefined), 'the other window', 120_000);
    assert.equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'LOCATION' }), 1);
    const texts = await eventually(() => {
      const found = readSidecarFromDisk(file)?.annotations.map((annotation) => annotation.text) ?? [];
      return found.includes('Senegal') && found.includes('Colombia') ? found : undefined;
    }, 'both windows’ tags in the sidecar', 20_000);
    assert.equal(texts.length, 2, texts.join(', '));
  });
});
