/**
 * The desktop's files: the local disk, walled in by the workspace folders (src/node's
 * ConfinedFileSystem), as the command line reads a corpus. Node-only, so it lives in
 * src/vscode/node/, which the browser build never reaches.
 */
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/store/fileSystem';
import { ConfinedFileSystem } from '../../node/confinedFileSystem';
import { FoldersFileSystem } from '../../node/foldersFileSystem';

/** Every `file:` workspace folder's files; reads and writes through a link out of them are refused. */
export function diskFoldersFileSystem(): { fileSystem: FileSystem; disposable: vscode.Disposable } {
  const folderRoots = () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const fileSystem = new FoldersFileSystem(folderRoots);
  const openFolders = () => fileSystem.setFolders(folderRoots());
  const disposable = vscode.workspace.onDidChangeWorkspaceFolders(() => void openFolders());
  void openFolders();
  return { fileSystem, disposable };
}

/** One folder's files walled in at its root, for its project file and guidelines; none off the disk. */
export async function openDiskFolder(folder: vscode.WorkspaceFolder): Promise<FileSystem | undefined> {
  return folder.uri.scheme === 'file' ? ConfinedFileSystem.open(folder.uri.fsPath) : undefined;
}
