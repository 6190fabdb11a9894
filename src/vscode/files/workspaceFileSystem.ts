/**
 * The core's `FileSystem` over `vscode.workspace.fs`, for the browser build (vscode.dev,
 * github.dev, code-server's web worker), where there is no disk to reach with `node:fs`. Paths
 * are the workspace layer's (see uriPaths); a path outside every workspace folder is refused, as
 * on the desktop.
 *
 * `workspace.fs` promises no rename-over that every file system provider honours (github.dev
 * keeps changes in the browser until they are committed, code-server forwards to a remote disk)
 * and has no locks other processes see: VerifiedFileSystem (src/core/store) reads every write
 * back and compares the bytes, and queues writers in this extension host only. The store's
 * check of a sidecar's size, time and SHA-256 before each write is what protects a sidecar
 * changed in another window.
 */
import * as vscode from 'vscode';
import { VerifiedFileSystem, type PlainFiles } from '../../core/store/verifiedFileSystem';

export class WorkspaceFileSystem extends VerifiedFileSystem {
  /** @param uriOf the file a path names, or undefined when it is outside every workspace folder. */
  constructor(uriOf: (path: string) => vscode.Uri | undefined) {
    super(workspaceFiles(uriOf));
  }
}

function workspaceFiles(uriOf: (path: string) => vscode.Uri | undefined): PlainFiles {
  const locate = (path: string): vscode.Uri => {
    const uri = uriOf(path);
    if (uri === undefined) throw new Error(`${path.slice(path.lastIndexOf('/') + 1)} is not inside a workspace folder, so News Annotator does not read or write it.`);
    return uri;
  };
  return {
    stat: async (path) => {
      const stat = await orUndefined(vscode.workspace.fs.stat(locate(path)));
      if (stat === undefined) return undefined;
      const readOnly = ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
      return { size: stat.size, mtimeMs: stat.mtime, isFile: (stat.type & vscode.FileType.File) !== 0, readOnly };
    },
    read: (path) => orUndefined(vscode.workspace.fs.readFile(locate(path))),
    write: async (path, data) => {
      await vscode.workspace.fs.writeFile(locate(path), data);
    },
    remove: async (path) => {
      await orUndefined(vscode.workspace.fs.delete(locate(path), { useTrash: false }));
    },
  };
}

/** The operation's result, or undefined when the file does not exist; other failures throw. */
export async function orUndefined<T>(operation: Thenable<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return undefined;
    throw error;
  }
}
