/**
 * The store's `FileSystem` over the local disk. Writes are atomic: the bytes go to a temporary
 * file in the same folder (same file system, so the rename cannot become a copy), are flushed to
 * disk, and the temporary file is renamed over the target. A reader, or a crash, sees the old
 * file or the new one, never a truncated mix, which VS Code's own in-place saves do not promise.
 *
 * Locks are taken in two steps: a queue per file inside this process (shared by every
 * NodeFileSystem, so two stores in one extension host wait for each other without touching the
 * disk), then the lock file that other processes see (lockFile.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultLockStaleMs, defaultLockWaitMs, type FileStatus, type FileSystem, type LockOptions, type LockResult } from '../core/store/fileSystem';
import { KeyedMutex } from '../core/store/keyedMutex';
import { acquireLockFile, temporaryPathOf } from './lockFile';

const processLocks = new KeyedMutex();

export class NodeFileSystem implements FileSystem {
  async readFile(filePath: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(filePath);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stat(filePath: string): Promise<FileStatus | undefined> {
    try {
      const status = await fs.stat(filePath);
      return { size: status.size, mtimeMs: status.mtimeMs, readOnly: isReadOnly(status.mode) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
    const folder = path.dirname(filePath);
    // A dot name keeps the temporary file out of most listings and globs while it exists.
    const temporary = temporaryPathOf(filePath);
    const mode = await existingMode(filePath);
    // A rename replaces even a file nobody may write; a file its owner made read-only stays as it is.
    if (isReadOnly(mode)) throw Object.assign(new Error(`${filePath} is read-only`), { code: 'EACCES' });
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(temporary, 'wx', mode);
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.rename(temporary, filePath);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(folder);
  }

  async removeFile(filePath: string): Promise<void> {
    await fs.rm(filePath, { force: true });
  }

  async lock(filePath: string, options: LockOptions = {}): Promise<LockResult> {
    const waitMs = options.waitMs ?? defaultLockWaitMs;
    const deadline = Date.now() + waitMs;
    const inProcess = await processLocks.acquire(path.resolve(filePath), waitMs);
    if (inProcess === undefined) return { ok: false, holder: 'another save in this program' };
    try {
      const onDisk = await acquireLockFile(filePath, { waitMs: Math.max(0, deadline - Date.now()), staleMs: options.staleMs ?? defaultLockStaleMs });
      if (!onDisk.ok) {
        inProcess();
        return onDisk;
      }
      return {
        ok: true,
        release: async () => {
          try {
            await onDisk.release();
          } finally {
            inProcess();
          }
        },
      };
    } catch (error) {
      inProcess();
      throw error;
    }
  }
}

function isReadOnly(mode: number): boolean {
  return process.platform !== 'win32' ? (mode & 0o222) === 0 : false;
}

/** Keep the target's permissions; a new file gets the usual 0o666 (less the umask). */
async function existingMode(filePath: string): Promise<number> {
  try {
    return (await fs.stat(filePath)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort only: the file is already in place.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
