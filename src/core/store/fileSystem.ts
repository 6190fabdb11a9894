/**
 * The only way the core reaches files. The extension implements it over the local disk
 * (src/node/nodeFileSystem.ts), tests over memory (test/support/memoryFileSystem.ts).
 */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. Other failures throw. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /**
   * Size and modification time, or undefined when the file does not exist. `readOnly` is true
   * when the file's permissions allow nobody to write it (mode 0444): its owner froze it.
   */
  stat(path: string): Promise<FileStatus | undefined>;
  /**
   * The bytes and the status of the very file they were read from, in one go (optional: a file
   * system that can, answers a read with one look-up instead of two). Undefined when it does not exist.
   */
  readFileWithStatus?(path: string): Promise<{ data: Uint8Array; status: FileStatus } | undefined>;
  /**
   * Replaces the file in one step: readers see the old bytes or the new ones, never a mix
   * (temporary file in the same folder, then rename over the target).
   */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /**
   * Takes the write lock of `path`, waiting at most `options.waitMs`: writers of one file, in this
   * process and in others, hold it one at a time (read, change, write, release). Implementations
   * recover locks left by writers that died. Returns who holds the lock when the wait ran out.
   * Failures other than waiting (e.g. a read-only folder) throw.
   */
  lock(path: string, options?: LockOptions): Promise<LockResult>;
  /** Deletes the file (nothing when it does not exist). Only the store calls it, under the lock. */
  removeFile(path: string): Promise<void>;
}

export interface FileStatus {
  size: number;
  mtimeMs: number;
  readOnly?: boolean;
}

export interface LockOptions {
  /** Longest wait for the lock, in milliseconds; default 10 s. */
  waitMs?: number;
  /** A lock held longer than this is taken as left by a writer that died; default 30 s. */
  staleMs?: number;
}

export type LockResult =
  | { ok: true; release(): Promise<void> }
  /** `holder` says who has the lock, for a message ("process 4242 on host x since 10:04:05"). */
  | { ok: false; holder: string };

export const defaultLockWaitMs = 10_000;
export const defaultLockStaleMs = 30_000;

/** What a file looked like when read (the store compares the bytes themselves before writing). */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
}

