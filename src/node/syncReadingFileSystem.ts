/**
 * A corpus's `ConfinedFileSystem` whose plain reads are synchronous: for the command line only,
 * which does nothing else while it reads. Reading 20,000 small files through promises costs
 * three to five times the synchronous loop (a thread-pool round trip per system call, and the
 * confined reads make six of them per file).
 *
 * The same walls as `ConfinedFileSystem`, taken the same way on every call: the path's text is
 * checked, the real path of its folder must be inside the real root, the file itself is looked
 * at without following it and must be a regular file, and it is opened with O_NOFOLLOW and
 * O_NONBLOCK and checked again once open. Anything not plainly fine (a link, a FIFO, a missing
 * folder, an odd path, an error) is handed to the confined file system, so refusals and their
 * messages stay exactly its own. Writes and locks are always its own.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileStatus, FileSystem, LockOptions, LockResult } from '../core/store/fileSystem';
import type { ConfinedFileSystem } from './confinedFileSystem';
import { readOpened } from './readOpened';

const readFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export class SyncReadingFileSystem implements FileSystem {
  /**
   * Folders found inside the real root, by path: one command reads many files per folder, and
   * resolving the folder again for each was a fifth of reading a corpus. This is no weaker than
   * resolving every time: a folder swapped for a link between that check and the open was
   * already a race either way; a link in place when the command starts is still refused. One
   * instance lives for one command run.
   */
  private readonly realFolders = new Map<string, string>();
  /**
   * Paths the corpus listing saw as regular files (its directory entries' types: the entries
   * themselves, links not followed), moments before. These are opened without a look first: the
   * look only kept devices from being opened, and the listing already did that for these; the
   * open (O_NOFOLLOW, O_NONBLOCK) and the check once open stay. A file swapped since is as much a
   * race as one swapped between a look and the open. An lstat per read was a tenth of `stats`.
   */
  private readonly listedRegular = new Set<string>();
  /** Listings not yet put in `listedRegular`: a second `stats` answered from its cache reads no file, so need not build it. */
  private readonly pendingListings: Array<Iterable<string>> = [];

  constructor(
    private readonly confined: ConfinedFileSystem,
    listedRegular: Iterable<string> = [],
  ) {
    this.trustListing(listedRegular);
  }

  /** Adds paths the corpus listing saw as regular files (see `listedRegular`). */
  trustListing(paths: Iterable<string>): void {
    this.pendingListings.push(paths);
  }

  private isListedRegular(relativePath: string): boolean {
    for (const listing of this.pendingListings.splice(0)) for (const listed of listing) this.listedRegular.add(listed);
    return this.listedRegular.has(relativePath);
  }

  async readFile(relativePath: string): Promise<Uint8Array | undefined> {
    return (await this.readFileWithStatus(relativePath))?.data;
  }

  async readFileWithStatus(relativePath: string): Promise<{ data: Uint8Array; status: FileStatus } | undefined> {
    const target = this.plainFile(relativePath);
    if (target === undefined) return this.confinedRead(relativePath);
    let descriptor: number;
    try {
      descriptor = openSync(target, readFlags);
    } catch {
      return this.confinedRead(relativePath);
    }
    try {
      const status = fstatSync(descriptor);
      if (!status.isFile()) return await this.confinedRead(relativePath);
      return { data: readOpened(descriptor, status.size), status: statusOf(status) };
    } finally {
      closeSync(descriptor);
    }
  }

  /** The confined file system's answer, refusals and messages included. */
  private async confinedRead(relativePath: string): Promise<{ data: Uint8Array; status: FileStatus } | undefined> {
    const status = await this.confined.stat(relativePath);
    const data = await this.confined.readFile(relativePath);
    return data === undefined ? undefined : { data, status: status ?? { size: data.length, mtimeMs: 0 } };
  }

  async stat(relativePath: string): Promise<FileStatus | undefined> {
    const target = this.insideTarget(relativePath);
    const status = target === undefined ? undefined : lstatQuietly(target);
    if (status === undefined || !status.isFile()) return this.confined.stat(relativePath);
    return statusOf(status);
  }

  writeFileAtomic(relativePath: string, data: Uint8Array): Promise<void> {
    return this.confined.writeFileAtomic(relativePath, data);
  }

  lock(relativePath: string, options?: LockOptions): Promise<LockResult> {
    return this.confined.lock(relativePath, options);
  }

  removeFile(relativePath: string): Promise<void> {
    return this.confined.removeFile(relativePath);
  }

  /** The absolute path when it names a regular file inside the root; undefined for anything else. */
  private plainFile(relativePath: string): string | undefined {
    const target = this.insideTarget(relativePath);
    if (target === undefined || this.isListedRegular(relativePath)) return target;
    return lstatQuietly(target)?.isFile() === true ? target : undefined;
  }

  /** The absolute path when its text is a plain relative path and its folder is really inside the root. */
  private insideTarget(relativePath: string): string | undefined {
    if (typeof relativePath !== 'string' || relativePath === '' || relativePath.includes('\\') || relativePath.includes('\u0000') || relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return undefined;
    const slash = relativePath.lastIndexOf('/');
    const name = relativePath.slice(slash + 1);
    if (name === '' || name === '.' || name === '..') return undefined;
    // Keyed by the relative folder, whose parts were checked when it was first resolved.
    const folder = slash < 0 ? '' : relativePath.slice(0, slash);
    let real = this.realFolders.get(folder);
    if (real === undefined) {
      const parts = folder === '' ? [] : folder.split('/');
      if (parts.some((part) => part === '' || part === '.' || part === '..')) return undefined;
      const realRoot = this.confined.realRoot;
      try {
        real = realpathSync.native(path.join(realRoot, ...parts));
      } catch {
        return undefined;
      }
      const relative = path.relative(realRoot, real);
      if (relative !== '' && (relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative))) return undefined;
      this.realFolders.set(folder, real);
    }
    // Joined by hand: path.join's normalising was a tenth of reading a corpus's files.
    return real.endsWith(path.sep) ? real + name : real + path.sep + name;
  }
}

function statusOf(status: Stats): FileStatus {
  return { size: status.size, mtimeMs: status.mtimeMs, ...((status.mode & 0o222) === 0 ? { readOnly: true } : {}) };
}

function lstatQuietly(target: string): Stats | undefined {
  try {
    return lstatSync(target, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
