/**
 * uriPaths.ts for the browser build (swapped in by scripts/build.mjs). On vscode.dev and
 * github.dev the workspace folders are virtual (`vscode-vfs://github/owner/repo`), in
 * code-server's web worker they are `vscode-remote:`; `fsPath` would turn the path into a
 * Windows one when the browser runs on Windows, so paths are the URIs' own ('/' separators),
 * and a path maps back through the workspace folder whose path holds it.
 */
import * as vscode from 'vscode';

export function pathOfUri(uri: vscode.Uri): string {
  return uri.path;
}

export function uriOfPath(path: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  // A relative path (from a command's arguments) is taken inside the first folder.
  if (!path.startsWith('/')) return folders[0] ? vscode.Uri.joinPath(folders[0].uri, ...path.split('/')) : vscode.Uri.file(path);
  let best: vscode.WorkspaceFolder | undefined;
  for (const folder of folders) {
    const root = folder.uri.path.replace(/\/$/, '');
    const inside = path === root || path.startsWith(`${root}/`);
    if (inside && (best === undefined || root.length > best.uri.path.length)) best = folder;
  }
  // A path outside every folder keeps the first folder's scheme: the file system adapter
  // refuses it there, as the desktop refuses a path outside the workspace.
  const base = best ?? folders[0];
  return base ? base.uri.with({ path, query: '', fragment: '' }) : vscode.Uri.file(path);
}

export function isWorkspaceFileUri(uri: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === uri.scheme && folder.uri.authority === uri.authority);
}

// The schemes a browser workspace folder comes in: github.dev/vscode.dev, code-server's web
// worker, @vscode/test-web, and a local folder opened through the browser's file access.
const browserSchemes = ['vscode-vfs', 'vscode-remote', 'vscode-test-web', 'file'];

export function workspaceDocumentSelector(pattern?: string): vscode.DocumentSelector {
  const schemes = new Set([...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme), ...browserSchemes]);
  return [...schemes].map((scheme) => (pattern === undefined ? { scheme } : { scheme, pattern }));
}
