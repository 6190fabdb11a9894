import * as vscode from 'vscode';
import { WorkspaceFileSystem } from './workspaceFileSystem';

// The folders the desktop's walk never enters (src/node/listCorpusFiles.ts).
const skippedFolders: ReadonlySet<string> = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Every regular file of a workspace folder, relative to it ('/' separators), walked with
 * `workspace.fs.readDirectory` as the desktop walks the disk: the editor's file search
 * (`findFiles`) would leave out what `files.exclude` and .gitignore hide, which the desktop and
 * the command line count as corpus. Links are neither entered nor listed: the browser cannot
 * tell where they lead, so nothing is read through one.
 */
export async function findFolderFiles(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const files: string[] = [];
  const walk = async (uri: vscode.Uri, prefix: string): Promise<void> => {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    const folders: Promise<void>[] = [];
    for (const [name, type] of entries) {
      if ((type & vscode.FileType.SymbolicLink) !== 0) continue;
      const relative = `${prefix}${name}`;
      if ((type & vscode.FileType.Directory) !== 0) {
        if (!skippedFolders.has(name)) folders.push(walk(vscode.Uri.joinPath(uri, name), `${relative}/`));
      } else if ((type & vscode.FileType.File) !== 0) files.push(relative);
    }
    await Promise.all(folders);
  };
  await walk(folder.uri, '');
  return files.sort();
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
