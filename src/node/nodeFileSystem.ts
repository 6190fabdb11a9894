/**
 * The store's `FileSystem` over the local disk. Writes are atomic: the bytes go to a temporary
 * file in the same folder (same file system, so the rename cannot become a copy), are flushed to
 * disk, and the temporary file is renamed over the target. A reader, or a crash, sees the old
 * file or the new one, never a truncated mix, which VS Code's own in-place saves do not promise.
 *
 * The small steps (stat, open, read, write, rename, close) are synchronous: each takes
 * microseconds on a local disk, while its promise form costs a thread-pool round trip, which on a
 * busy machine made them most of the time of tagging one span. The flushes to disk (fsync of the
 * file and of its folder), which can take milliseconds, stay asynchronous.
 *
 * Locks are taken in two steps: a queue per file inside this process (shared by every
 * NodeFileSystem, so two stores in one extension host wait for each other without touching the
 * disk), then the lock file that other processes see (lockFile.ts).
 */
import { closeSync, fsync, openSync, promises as fs, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { defaultLockStaleMs, defaultLockWaitMs, type FileStatus, type FileSystem, type LockOptions, type LockResult } from '../core/store/fileSystem';
import { KeyedMutex } from '../core/store/keyedMutex';
import { acquireLockFile, asError, temporaryPathOf } from './lockFile';

const processLocks = new KeyedMutex();

export class NodeFileSystem implements FileSystem {
  readFile(filePath: string): Promise<Uint8Array | undefined> {
    try {
      return Promise.resolve(readFileSync(filePath));
    } catch (error) {
      return isMissing(error) ? Promise.resolve(undefined) : Promise.reject(asError(error));
    }
  }

  stat(filePath: string): Promise<FileStatus | undefined> {
    try {
      const status = statSync(filePath);
      return Promise.resolve({ size: status.size, mtimeMs: status.mtimeMs, readOnly: isReadOnly(status.mode) });
    } catch (error) {
      return isMissing(error) ? Promise.resolve(undefined) : Promise.reject(asError(error));
    }
  }

  async writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
    const folder = path.dirname(filePath);
    // A dot name keeps the temporary file out of most listings and globs while it exists.
    const temporary = temporaryPathOf(filePath);
    const mode = existingMode(filePath);
    // A rename replaces even a file nobody may write; a file its owner made read-only stays as it is.
    if (isReadOnly(mode)) throw Object.assign(new Error(`${filePath} is read-only`), { code: 'EACCES' });
    let descriptor: number | undefined;
    try {
      descriptor = openSync(temporary, 'wx', mode);
      for (let written = 0; written < data.length; ) written += writeSync(descriptor, data, written, data.length - written);
      await flush(descriptor);
      closeSync(descriptor);
      descriptor = undefined;
      renameSync(temporary, filePath);
    } catch (error) {
      if (descriptor !== undefined) closeQuietly(descriptor);
      rmSync(temporary, { force: true });
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

const flush = promisify(fsync);

/** Keep the target's permissions; a new file gets the usual 0o666 (less the umask). */
function existingMode(filePath: string): number {
  try {
    return statSync(filePath).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function closeQuietly(descriptor: number): void {
  try {
    closeSync(descriptor);
  } catch {
    // Already closed or gone: nothing more to release.
  }
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, 'r');
    await flush(descriptor);
  } catch {
    // Best effort only: the file is already in place.
  } finally {
    if (descriptor !== undefined) closeQuietly(descriptor);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
