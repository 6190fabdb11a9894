/**
 * How the editor's files map to the plain paths the workspace layer works with. On the desktop a
 * corpus is on the local disk: paths are `fsPath`s and only `file:` URIs are corpus files. The
 * browser build swaps this module for uriPaths.browser.ts (see scripts/build.mjs), where the
 * workspace folders live behind other schemes (`vscode-vfs:`, `vscode-remote:`) and a path is
 * the URI's path inside them.
 */
import * as vscode from 'vscode';

/** The path the workspace layer knows the file by. */
export function pathOfUri(uri: vscode.Uri): string {
  return uri.fsPath;
}

/** The file a workspace-layer path names. */
export function uriOfPath(path: string): vscode.Uri {
  return vscode.Uri.file(path);
}

/** Whether the file lives where corpora do (not an untitled buffer, a diff side, a git revision...). */
export function isWorkspaceFileUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file';
}

/** The documents hovers, hints and quick fixes are offered in (optionally only names matching `pattern`). */
export function workspaceDocumentSelector(pattern?: string): vscode.DocumentSelector {
  return pattern === undefined ? { scheme: 'file' } : { scheme: 'file', pattern };
}
