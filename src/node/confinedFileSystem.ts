/**
 * The disk `FileSystem` of a corpus (or of a brat folder being imported), walled in at its root.
 * Paths are relative to the root with '/' separators, so problems name files as the command line
 * prints them. Every call:
 * - refuses paths that are absolute or climb with `..`;
 * - looks at the last component without following it (`lstat`): a symbolic link is refused
 *   wherever it points, so a sidecar linked to a secrets file is never opened, let alone quoted;
 *   folders, FIFOs, sockets and devices are refused too (a FIFO would block a read for ever);
 * - resolves the real path of the folder that holds the file and refuses it when it is not
 *   inside the real root (a folder on the way may be a link that leads out).
 * Reads then open with O_NOFOLLOW and O_NONBLOCK and check the opened file again, so a file
 * swapped for a link or a FIFO in between still cannot be followed or hang. Writes create
 * missing folders one level at a time (when asked), checking each, and go through
 * `NodeFileSystem.writeFileAtomic` on the resolved path.
 *
 * Refusals throw a `CorpusBoundaryError` whose message names the file; the store and the
 * importers turn thrown errors into problems. The root's real path is taken once, at `open`.
 *
 * The checks (lstat, realpath, mkdir) are synchronous, as the small steps of NodeFileSystem are:
 * microseconds each on a local disk, where a promise is a thread-pool round trip; a `suggest` run
 * writing 10,000 sidecars checks each twice (lock, write) and made 330,000 futex calls with
 * promises, 78,000 without.
 */
import { constants, lstatSync, mkdirSync, promises as fs, readlinkSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileStatus, FileSystem, LockOptions, LockResult } from '../core/store/fileSystem';
import { NodeFileSystem } from './nodeFileSystem';

export interface ConfinedOptions {
  /** Writing a file creates its missing folders (inside the root only). Default false. */
  createFolders?: boolean;
  /** Refuse every write (a folder an import reads from). Default false. */
  readOnly?: boolean;
  /** How messages call the root: "corpus folder" (default), "brat folder". */
  rootName?: string;
}

/** A refusal to read or write a path; the message names the file and why. */
export class CorpusBoundaryError extends Error {
  readonly code = 'ECORPUSBOUNDARY';
}

/** Where a checked path is on disk: its real folder and its name in it. */
interface Place {
  relative: string;
  folder: string;
  name: string;
}

// O_NOFOLLOW is missing on Windows, where the lstat check is what refuses links.
const readFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export class ConfinedFileSystem implements FileSystem {
  private readonly disk = new NodeFileSystem();

  private constructor(
    /** The root as given (absolute). */
    readonly root: string,
    /** The root with every link resolved: what "inside" is measured against. */
    readonly realRoot: string,
    private readonly options: ConfinedOptions,
  ) {}

  /** The file system of a folder that exists; throws (like `fs.realpath`) when it does not. */
  static async open(root: string, options: ConfinedOptions = {}): Promise<ConfinedFileSystem> {
    const absolute = path.resolve(root);
    return new ConfinedFileSystem(absolute, await fs.realpath(absolute), options);
  }

  async readFile(relativePath: string): Promise<Uint8Array | undefined> {
    const place = this.place(relativePath);
    const target = path.join(place.folder, place.name);
    if (this.regularOrMissing(place, target) === undefined) return undefined;
    this.checkInside(place);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(target, readFlags);
    } catch (error) {
      if (codeOf(error) === 'ELOOP') throw this.linkRefusal(place.relative);
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      this.refuseKind(place.relative, await handle.stat());
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  stat(relativePath: string): Promise<FileStatus | undefined> {
    try {
      return Promise.resolve(this.statNow(relativePath));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private statNow(relativePath: string): FileStatus | undefined {
    const place = this.place(relativePath);
    const status = this.regularOrMissing(place, path.join(place.folder, place.name));
    if (status === undefined) return undefined;
    this.checkInside(place);
    return { size: status.size, mtimeMs: status.mtimeMs, ...((status.mode & 0o222) === 0 ? { readOnly: true } : {}) };
  }

  /** The write lock of a file inside the root (its lock file sits beside it, inside too). */
  async lock(relativePath: string, options?: LockOptions): Promise<LockResult> {
    if (this.options.readOnly === true) throw new CorpusBoundaryError(`${relativePath} is not written: the ${this.rootName} is only read.`);
    const target = this.writableTarget(relativePath, this.options.createFolders === true);
    return this.disk.lock(target, options);
  }

  async removeFile(relativePath: string): Promise<void> {
    if (this.options.readOnly === true) throw new CorpusBoundaryError(`${relativePath} is not removed: the ${this.rootName} is only read.`);
    await this.disk.removeFile(this.writableTarget(relativePath, false));
  }

  async writeFileAtomic(relativePath: string, data: Uint8Array): Promise<void> {
    if (this.options.readOnly === true) throw new CorpusBoundaryError(`${relativePath} is not written: the ${this.rootName} is only read.`);
    const target = this.writableTarget(relativePath, this.options.createFolders === true);
    await this.disk.writeFileAtomic(target, data);
  }

  /**
   * Why a write of this path would be refused, or undefined when it would not (as far as the
   * disk looks now). Creates nothing: for dry runs and for checking before any write.
   */
  writeRefusal(relativePath: string): Promise<string | undefined> {
    try {
      this.writableTarget(relativePath, false);
      return Promise.resolve(undefined);
    } catch (error) {
      if (error instanceof CorpusBoundaryError) return Promise.resolve(error.message);
      // A folder still to be created is no reason to refuse.
      if (isMissing(error)) return Promise.resolve(undefined);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The absolute path to write, after walking (and, with `create`, making) its folders. */
  private writableTarget(relativePath: string, create: boolean): string {
    const place = this.place(relativePath);
    const parts = place.relative.split('/');
    let folder = this.realRoot;
    for (let index = 0; index < parts.length - 1; index++) {
      const part = parts[index];
      const next = path.join(folder, part);
      let status = lstatOrMissing(next);
      if (status === undefined && create) {
        try {
          mkdirSync(next);
        } catch (error) {
          if (codeOf(error) !== 'EEXIST') throw error;
        }
        status = lstatOrMissing(next);
      }
      if (status === undefined) {
        // Nothing below a missing folder exists yet; the write would fail, as on any disk.
        throw Object.assign(new Error(`ENOENT: no such file or directory, folder of ${place.relative}`), { code: 'ENOENT' });
      }
      if (status.isSymbolicLink()) {
        // A link to a folder inside the root is allowed; only where it leads counts.
        let real: string;
        try {
          real = realpathSync.native(next);
        } catch (error) {
          if (!isMissing(error)) throw error;
          // A link to nothing: never created through, and named for where it points.
          const target = nearestRealPath(path.resolve(folder, readlinkSync(next)));
          throw this.isInside(target) ? new CorpusBoundaryError(`${place.relative} cannot be written: ${parts.slice(0, index + 1).join('/')} is a link to a folder that does not exist.`) : this.outsideRefusal(place.relative);
        }
        if (!this.isInside(real)) throw this.outsideRefusal(place.relative);
        folder = real;
      } else if (status.isDirectory()) {
        folder = next;
      } else {
        throw new CorpusBoundaryError(`${place.relative} cannot be written: ${parts.slice(0, index + 1).join('/')} is not a folder.`);
      }
    }
    // `folder` is a real path by construction (the real root, then folders that are not links,
    // or a link's real path checked inside), so it needs no second realpath.
    const target = path.join(folder, place.name);
    this.regularOrMissing({ ...place, folder }, target);
    return target;
  }

  /** The lstat of a regular file, undefined when missing; anything else is refused. */
  private regularOrMissing(place: Place, target: string): Stats | undefined {
    const status = lstatOrMissing(target);
    if (status !== undefined) this.refuseKind(place.relative, status);
    return status;
  }

  private refuseKind(relative: string, status: Stats): void {
    if (status.isFile()) return;
    if (status.isSymbolicLink()) throw this.linkRefusal(relative);
    const kind = status.isDirectory()
      ? 'a folder, not a file'
      : status.isFIFO()
        ? 'a named pipe (FIFO), not a regular file'
        : status.isSocket()
          ? 'a socket, not a regular file'
          : status.isCharacterDevice() || status.isBlockDevice()
            ? 'a device, not a regular file'
            : 'not a regular file';
    throw new CorpusBoundaryError(`${relative} is ${kind}.`);
  }

  /** Refuses the place when the real path of its folder is not inside the real root. */
  private checkInside(place: Place): void {
    let real: string;
    try {
      real = realpathSync.native(place.folder);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    if (!this.isInside(real)) throw this.outsideRefusal(place.relative);
  }

  private isInside(real: string): boolean {
    const relative = path.relative(this.realRoot, real);
    return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
  }

  /** The path split and checked by its text alone: relative, no `.` or `..` parts. */
  private place(relativePath: string): Place {
    const relative = String(relativePath).replace(/\\/g, '/');
    const parts = relative.split('/');
    if (relative === '' || relative.startsWith('/') || /^[A-Za-z]:/.test(relative) || parts.some((part) => part === '' || part === '.' || part === '..') || relative.includes('\u0000')) {
      throw new CorpusBoundaryError(`${JSON.stringify(relativePath)} is not a path inside the ${this.rootName}.`);
    }
    return { relative, folder: path.join(this.realRoot, ...parts.slice(0, -1)), name: parts[parts.length - 1] };
  }

  private get rootName(): string {
    return this.options.rootName ?? 'corpus folder';
  }

  private linkRefusal(relative: string): CorpusBoundaryError {
    const reach = this.options.readOnly === true ? 'read' : 'read or written';
    return new CorpusBoundaryError(`${relative} is a symbolic link; links are not followed, so nothing outside the ${this.rootName} is ${reach} through them.`);
  }

  private outsideRefusal(relative: string): CorpusBoundaryError {
    return new CorpusBoundaryError(`${relative} is outside the ${this.rootName} (a folder on its way is a link that leads out of it).`);
  }
}

/** The real path of a path that may not exist: its nearest existing ancestor resolved. */
function nearestRealPath(target: string): string {
  try {
    return realpathSync.native(target);
  } catch (error) {
    const parent = path.dirname(target);
    if (!isMissing(error) || parent === target) return target;
    return path.join(nearestRealPath(parent), path.basename(target));
  }
}

function lstatOrMissing(target: string): Stats | undefined {
  try {
    return lstatSync(target);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function isMissing(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
