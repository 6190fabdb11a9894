import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../support/eventually';
import { select } from '../support/selectText';
import { parse } from 'yaml';
import type { Annotation } from '../../src/core/sidecar/model';
import type { NewsAnnotatorApi } from '../../src/vscode/testApi';

export const extensionId = 'news-annotator.news-annotator';

export async function api(): Promise<NewsAnnotatorApi> {
  const extension = vscode.extensions.getExtension<NewsAnnotatorApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this host`);
  return extension.activate();
}

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs the sample corpus open as a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a corpus file in an editor and waits until its annotations are loaded. */
export async function openArticle(relative: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(relative);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await (await api()).annotationsOf(uri);
  return editor;
}

export { select };

/** The fields of a sidecar entry the tests read. */
export type SidecarEntry = Pick<Annotation, 'id' | 'type' | 'start' | 'end' | 'text' | 'note'>;

/**
 * Reads a sidecar from disk with the general `yaml` parser (not the extension's own fast reader)
 * and checks each entry against the text the way Python would slice it: code points, BOM
 * dropped, line endings as stored.
 */
export function readSidecarFromDisk(relative: string): { status?: string; annotations: SidecarEntry[] } | undefined {
  const path = `${workspaceFile(relative).fsPath}.ann.yaml`;
  if (!existsSync(path)) return undefined;
  const data = parse(readFileSync(path, 'utf8')) as { status?: string; annotations: SidecarEntry[] };
  const codePoints = Array.from(readFileSync(workspaceFile(relative).fsPath, 'utf8').replace(/^\uFEFF/, ''));
  for (const entry of data.annotations) {
    assert.equal(codePoints.slice(entry.start, entry.end).join(''), entry.text, `offsets of “${entry.text}” in ${relative} are not code points of the text`);
  }
  return data;
}

export { eventually };

/**
 * Puts the workspace back to the bundled sample corpus (texts and sidecars), so each test file
 * starts from the same corpus whatever the files before it tagged, edited or broke.
 */
export async function restoreSampleCorpus(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  const original = path.join(extension.extensionPath, 'sample-corpus');
  const workspace = workspaceFile('.').fsPath;
  const walk = (folder: string, prefix = ''): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
  const wanted = new Set(walk(original));
  // The index learns of these changes from the host's file watcher, which has been seen to take
  // over 5 s on a loaded machine: wait for the watcher's own events (a watcher here gets them as
  // the extension's does), up to 15 s, instead of a fixed pause.
  const touched = new Set<string>();
  const seen = new Set<string>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const note = (uri: vscode.Uri) => seen.add(path.resolve(uri.fsPath));
  const listeners = [watcher.onDidCreate(note), watcher.onDidChange(note), watcher.onDidDelete(note)];
  try {
    for (const file of walk(workspace)) {
      if (wanted.has(file)) continue;
      rmSync(path.join(workspace, file));
      touched.add(path.resolve(workspace, file));
    }
    for (const file of wanted) {
      const target = path.join(workspace, file);
      const content = readFileSync(path.join(original, file));
      if (existsSync(target) && readFileSync(target).equals(content)) continue;
      writeFileSync(target, content);
      touched.add(path.resolve(target));
    }
    await eventually(() => ([...touched].every((file) => seen.has(file)) ? true : undefined), 'the file events of the restored corpus', 15_000).catch(() => undefined);
  } finally {
    for (const listener of listeners) listener.dispose();
    watcher.dispose();
  }
  // Then the index's batching (50 ms) and the views' (100 ms).
  await new Promise((resolve) => setTimeout(resolve, 400));
}
