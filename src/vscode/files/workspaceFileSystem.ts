/**
 * The core's `FileSystem` over `vscode.workspace.fs`, for the browser build (vscode.dev,
 * github.dev, code-server's web worker), where there is no disk to reach with `node:fs`. Paths
 * are the workspace layer's (see uriPaths); a path outside every workspace folder is refused, as
 * on the desktop.
 *
 * What a virtual file system cannot promise, and what this adapter does instead:
 * - No atomic replace: `workspace.fs` promises no rename-over that every file system provider
 *   honours (github.dev keeps changes in the browser until they are committed, code-server
 *   forwards to a remote disk). `writeFileAtomic` writes the bytes in one call, then
 *   reads the file back and throws when it does not hold exactly those bytes, so a torn or lost
 *   write is reported instead of being trusted.
 * - No lock across processes: there are no lock files to share with a second window or the
 *   command line. `lock` queues the writers of a path inside this extension host only
 *   (first come, first served). The store still re-reads a sidecar's size, time and SHA-256
 *   before it writes and starts over when another writer changed it, which is what protects a
 *   sidecar edited in two places.
 */
import * as vscode from 'vscode';
import { defaultLockWaitMs, type FileStatus, type FileSystem, type LockOptions, type LockResult } from '../../core/store/fileSystem';
import { KeyedMutex } from '../../core/store/keyedMutex';

export class WorkspaceFileSystem implements FileSystem {
  private readonly locks = new KeyedMutex();

  /** @param uriOf the file a path names, or undefined when it is outside every workspace folder. */
  constructor(private readonly uriOf: (path: string) => vscode.Uri | undefined) {}

  async readFile(path: string): Promise<Uint8Array | undefined> {
    return (await this.readFileWithStatus(path))?.data;
  }

  async stat(path: string): Promise<FileStatus | undefined> {
    const stat = await statOrUndefined(this.locate(path));
    return stat && statusOf(path, stat);
  }

  /**
   * Stats around the read: when the file changed in between, reads again, so the status given
   * belongs to the bytes given (the store compares it before writing).
   */
  async readFileWithStatus(path: string): Promise<{ data: Uint8Array; status: FileStatus } | undefined> {
    const uri = this.locate(path);
    for (let attempt = 0; ; attempt++) {
      const before = await statOrUndefined(uri);
      if (before === undefined) return undefined;
      const status = statusOf(path, before);
      const data = await readOrUndefined(uri);
      if (data === undefined) return undefined;
      const after = await statOrUndefined(uri);
      const settled = after !== undefined && after.mtime === before.mtime && after.size === before.size && data.length === before.size;
      if (settled || attempt >= 2) return { data, status: { ...status, size: data.length } };
    }
  }

  async writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
    const uri = this.locate(path);
    await vscode.workspace.fs.writeFile(uri, data);
    const written = await readOrUndefined(uri);
    if (written === undefined || !sameBytes(written, data)) {
      throw new Error(`${baseName(path)} does not hold what was just written to it (the file system may have changed it meanwhile); it was not replaced in one step, so check it before tagging on.`);
    }
  }

  async removeFile(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.locate(path), { useTrash: false });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** In this extension host only: see the note at the top of the file. */
  async lock(path: string, options?: LockOptions): Promise<LockResult> {
    this.locate(path);
    const release = await this.locks.acquire(path, options?.waitMs ?? defaultLockWaitMs);
    if (release === undefined) return { ok: false, holder: 'another change of this file in this window' };
    return { ok: true, release: () => Promise.resolve(release()) };
  }

  private locate(path: string): vscode.Uri {
    const uri = this.uriOf(path);
    if (uri === undefined) throw new Error(`${baseName(path)} is not inside a workspace folder, so News Annotator does not read or write it.`);
    return uri;
  }
}

function statusOf(path: string, stat: vscode.FileStat): FileStatus {
  if ((stat.type & vscode.FileType.File) === 0) throw new Error(`${baseName(path)} is not a regular file.`);
  const readOnly = ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
  return { size: stat.size, mtimeMs: stat.mtime, ...(readOnly ? { readOnly } : {}) };
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function readOrUndefined(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
