/**
 * What the web tests share: the extension's test API, fixtures written through
 * `vscode.workspace.fs` into a folder of their own inside the opened workspace, and sidecars read
 * back the same way. Nothing here may reach a Node built-in: the suite runs in a web worker.
 */
import * as vscode from 'vscode';
import { eventually } from '../support/eventually';
import { select } from '../support/selectText';
import { parse } from 'yaml';
import type { NewsAnnotatorApi } from '../../src/vscode/testApi';
import { equal, ok } from './check';

export const extensionId = 'news-annotator.news-annotator';

export async function api(): Promise<NewsAnnotatorApi> {
  const extension = vscode.extensions.getExtension<NewsAnnotatorApi>(extensionId);
  ok(extension, `${extensionId} is not installed in this host`);
  return extension.activate();
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the web suite needs a workspace folder');
  return folder.uri;
}

/** A corpus folder of one test file: the paths it wrote, relative to the workspace. */
export interface Fixture {
  readonly folder: string;
  uri(relative: string): vscode.Uri;
  path(relative: string): string;
}

/** Writes `files` (relative path → text) into a new folder of the workspace. */
export async function writeFixture(name: string, files: Record<string, string>): Promise<Fixture> {
  const folder = `web-${name}-${Date.now().toString(36)}`;
  const fixture: Fixture = {
    folder,
    uri: (relative) => vscode.Uri.joinPath(workspaceRoot(), folder, relative),
    path: (relative) => `${folder}/${relative}`,
  };
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), folder));
  for (const [relative, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(fixture.uri(relative), new TextEncoder().encode(text));
  return fixture;
}

export async function removeFixture(fixture: Fixture): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), fixture.folder), { recursive: true, useTrash: false });
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

export interface SidecarEntry {
  id: string;
  type: string;
  start: number;
  end: number;
  text: string;
  note?: string;
}

/**
 * Reads a text's sidecar through `workspace.fs` with the general `yaml` parser, and checks that
 * each entry's offsets are code points of the text (BOM dropped), as Python would slice it.
 */
export async function readSidecar(text: vscode.Uri): Promise<{ status?: string; annotations: SidecarEntry[] } | undefined> {
  const content = await readText(text.with({ path: `${text.path}.ann.yaml` }));
  if (content === undefined) return undefined;
  const data = parse(content) as { status?: string; annotations?: SidecarEntry[] };
  const codePoints = Array.from((await readText(text))?.replace(/^\uFEFF/, '') ?? '');
  for (const entry of data.annotations ?? []) {
    equal(codePoints.slice(entry.start, entry.end).join(''), entry.text, `offsets ${entry.start}-${entry.end} of ${entry.type} in ${text.path}`);
  }
  return { ...data, annotations: data.annotations ?? [] };
}

/** Opens a corpus file in an editor and waits until its annotations are loaded. */
export async function openArticle(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await (await api()).annotationsOf(uri);
  return editor;
}

export { select };

export { eventually };

/** `TYPE:text` of each entry, sorted: what a reader checks in a sidecar. */
export function texts(entries: readonly { type: string; text: string }[] | undefined): string[] {
  return (entries ?? []).map((entry) => `${entry.type}:${entry.text}`).sort();
}

/**
 * An article with an emoji and an accented name ahead of the tagged words, so code-point
 * offsets differ from the editor's UTF-16 ones; "Valparaíso" occurs three times for Tag All.
 */
export const article = [
  'Puerto abierto 🌊 en Valparaíso',
  '',
  'Amaru Quispe-Llanos met officials of the Banco Andino in Valparaíso on Monday.',
  'Quispe-Llanos said the Banco Andino would open an office in Valparaíso next year.',
  '',
].join('\n');
