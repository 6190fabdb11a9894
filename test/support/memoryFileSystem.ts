import { defaultLockWaitMs, type FileSystem, type LockOptions, type LockResult } from '../../src/core/store/fileSystem';
import { KeyedMutex } from '../../src/core/store/keyedMutex';

export type FileOperation = 'readFile' | 'stat' | 'writeFileAtomic' | 'lock' | 'removeFile';

/**
 * Files in memory, for tests. `beforeOperation` runs before every call, so a test can change a
 * file at an awkward moment (between the store's read and its write) or make a call fail.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  private clock = 1_700_000_000_000;
  private readonly locks = new KeyedMutex();
  /** Files marked read-only (as `chmod a-w` would): writing them fails. */
  private readonly readOnly = new Set<string>();
  beforeOperation: ((operation: FileOperation, path: string) => void | Promise<void>) | undefined;
  /** Every call made, in order, for tests that check what the store did. */
  readonly log: Array<{ operation: FileOperation; path: string }> = [];

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, data] of Object.entries(initial)) this.writeFile(path, data);
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    await this.enter('readFile', path);
    const file = this.files.get(path);
    return file === undefined ? undefined : file.data.slice();
  }

  async stat(path: string): Promise<{ size: number; mtimeMs: number; readOnly: boolean } | undefined> {
    await this.enter('stat', path);
    const file = this.files.get(path);
    return file === undefined ? undefined : { size: file.data.length, mtimeMs: file.mtimeMs, readOnly: this.readOnly.has(path) };
  }

  async writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
    await this.enter('writeFileAtomic', path);
    if (this.readOnly.has(path)) throw new Error(`${path} is read-only`);
    this.files.set(path, { data: data.slice(), mtimeMs: this.tick() });
  }

  async removeFile(path: string): Promise<void> {
    await this.enter('removeFile', path);
    this.files.delete(path);
  }

  /** One writer per path at a time; a test that takes the lock and keeps it plays another process. */
  async lock(path: string, options: LockOptions = {}): Promise<LockResult> {
    await this.enter('lock', path);
    const release = await this.locks.acquire(path, options.waitMs ?? defaultLockWaitMs);
    if (release === undefined) return { ok: false, holder: 'another writer' };
    return { ok: true, release: () => Promise.resolve(release()) };
  }

  setReadOnly(path: string, readOnly = true): void {
    if (readOnly) this.readOnly.add(path);
    else this.readOnly.delete(path);
  }

  /** Writes a file directly (as another program would); `mtimeMs` lets a test keep the old time. */
  writeFile(path: string, data: string | Uint8Array, mtimeMs?: number): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data.slice();
    this.files.set(path, { data: bytes, mtimeMs: mtimeMs ?? this.tick() });
  }

  readText(path: string): string | undefined {
    const file = this.files.get(path);
    return file === undefined ? undefined : new TextDecoder().decode(file.data);
  }

  mtimeOf(path: string): number | undefined {
    return this.files.get(path)?.mtimeMs;
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  private async enter(operation: FileOperation, path: string): Promise<void> {
    this.log.push({ operation, path });
    await this.beforeOperation?.(operation, path);
  }

  private tick(): number {
    this.clock += 1000;
    return this.clock;
  }
}
