import * as vscode from 'vscode';
import { WorkspaceFileSystem } from './workspaceFileSystem';

// The folders the desktop's walk never enters (src/node/listCorpusFiles.ts).
const skippedFolders = '**/{.git,node_modules,.hg,.svn}/**';

/** Every file of a workspace folder, relative to it ('/' separators), through the editor's file search. */
export async function findFolderFiles(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const root = folder.uri.path.replace(/\/$/, '');
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), skippedFolders);
  return found.filter((uri) => uri.path.startsWith(`${root}/`)).map((uri) => uri.path.slice(root.length + 1));
}

/**
 * A workspace folder's files over `workspace.fs`, by paths relative to the folder: a path that is
 * absolute or climbs out with `..` is refused, as the desktop's walls refuse it.
 */
export function folderFileSystem(folder: vscode.WorkspaceFolder): WorkspaceFileSystem {
  return new WorkspaceFileSystem((relative) => {
    const parts = relative.split('/');
    if (relative.startsWith('/') || parts.some((part) => part === '..' || part === '')) return undefined;
    return vscode.Uri.joinPath(folder.uri, ...parts);
  });
}
