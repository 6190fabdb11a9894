/**
 * A `FileSystem` over a file system that can only read, write and delete whole files, with no
 * rename and no locks another process would see: `vscode.workspace.fs` in the browser build
 * (vscode.dev, github.dev, code-server's web worker). What it cannot promise, it checks:
 * - `writeFileAtomic` writes the bytes in one call, then reads the file back and throws when it
 *   does not hold exactly those bytes: a torn or lost write is reported, never trusted. Readers
 *   may see the file half written meanwhile; nothing here can prevent that.
 * - `lock` queues the writers of a path in this process only (first come, first served): there
 *   is no lock file that a second window or the command line would respect. What protects a
 *   sidecar changed elsewhere is the store's check before every write (size, time and SHA-256
 *   of what it read), which this file system supports by giving each read the status of the
 *   very bytes read (`readFileWithStatus` stats before and after, and reads again on a change).
 */
import { defaultLockWaitMs, type FileStatus, type FileSystem, type LockOptions, type LockResult } from './fileSystem';
import { KeyedMutex } from './keyedMutex';
import { sameBytes } from '../text/sameBytes';

/** Whole-file operations; `undefined` for a file that does not exist. */
export interface PlainFiles {
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile: boolean; readOnly: boolean } | undefined>;
  read(path: string): Promise<Uint8Array | undefined>;
  write(path: string, data: Uint8Array): Promise<void>;
  /** Nothing when the file does not exist. */
  remove(path: string): Promise<void>;
}

/** How many times a read is retried when the file changes under it. */
const readAttempts = 3;

export class VerifiedFileSystem implements FileSystem {
  private readonly locks = new KeyedMutex();

  constructor(private readonly files: PlainFiles) {}

  async readFile(path: string): Promise<Uint8Array | undefined> {
    return (await this.readFileWithStatus(path))?.data;
  }

  async stat(path: string): Promise<FileStatus | undefined> {
    const status = await this.files.stat(path);
    return status && statusOf(path, status);
  }

  async readFileWithStatus(path: string): Promise<{ data: Uint8Array; status: FileStatus } | undefined> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.files.stat(path);
      if (before === undefined) return undefined;
      const status = statusOf(path, before);
      const data = await this.files.read(path);
      if (data === undefined) return undefined;
      const after = await this.files.stat(path);
      const settled = after !== undefined && after.mtimeMs === before.mtimeMs && after.size === before.size && data.length === before.size;
      if (settled || attempt >= readAttempts) return { data, status: { ...status, size: data.length } };
    }
  }

  async writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
    await this.files.write(path, data);
    const written = await this.files.read(path);
    if (written === undefined || !sameBytes(written, data)) {
      throw new Error(`${baseName(path)} does not hold what was just written to it (it was changed meanwhile, or the write was lost); check it before tagging on.`);
    }
  }

  removeFile(path: string): Promise<void> {
    return this.files.remove(path);
  }

  async lock(path: string, options?: LockOptions): Promise<LockResult> {
    const release = await this.locks.acquire(path, options?.waitMs ?? defaultLockWaitMs);
    if (release === undefined) return { ok: false, holder: 'another change of this file in this window' };
    return { ok: true, release: () => Promise.resolve(release()) };
  }
}

function statusOf(path: string, status: { size: number; mtimeMs: number; isFile: boolean; readOnly: boolean }): FileStatus {
  if (!status.isFile) throw new Error(`${baseName(path)} is not a regular file.`);
  return { size: status.size, mtimeMs: status.mtimeMs, ...(status.readOnly ? { readOnly: true } : {}) };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
