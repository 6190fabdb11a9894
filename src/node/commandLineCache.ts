/**
 * The command line's cache between runs: one file per corpus holding each file's summary
 * (counts and problems, see core/index/fileSummary.ts), so a second `stats` or `validate` of an
 * unchanged corpus stats every file and reads one file instead of reading and checking them all.
 * Its bytes are laid out in core/index/summaryCacheFile.ts.
 *
 * Where: `$XDG_CACHE_HOME/news-annotator/cli/<hash of the corpus root>/summaries.bin`
 * (`~/.cache` when XDG_CACHE_HOME is unset), folders made private (0700): problems quote
 * annotation text. `--no-cache` neither reads nor writes it; deleting the folder is always safe.
 *
 * Safe when stale: an entry is used only while the size and mtime of both the sidecar and the
 * text are exactly those taken just before they were read, and never for a file read within
 * `racyWindowMs` of its last change (git's "racily clean" rule, as the index cache has it).
 * Entries are checked for shape before use; a cache of another format, version, corpus root or
 * project types (they change which problems are found) is ignored. Files that could not be
 * read, links and the like are never cached: they are looked at again on every run.
 */
import { createHash } from 'node:crypto';
import { lstatSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileSummary } from '../core/index/fileSummary';
import { racyWindowMs } from '../core/index/indexCache';
import { encodeSummaryCache, SummaryCacheFile, type FileStamps, type SummaryCacheEntry } from '../core/index/summaryCacheFile';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { NodeFileSystem } from './nodeFileSystem';

export const commandLineCacheFileName = 'summaries.bin';
/** The first format's file, removed when the cache is next written. */
const formerCacheFileName = 'summaries.json';

/** The folder that holds the cache of the corpus at `root` (absolute, real path). */
export function commandLineCacheFolder(root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(env['HOME'] ?? os.homedir(), '.cache');
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return path.join(base, 'news-annotator', 'cli', hash);
}

/**
 * The stamps of a corpus file's sidecar and text; undefined when either is not a plain regular
 * file (missing text, link, FIFO, folder) or cannot be looked at: such files are not cached.
 * Synchronous on purpose: the command line does nothing else meanwhile, and 20,000 lstat calls
 * cost a fraction of their promise-based form.
 */
export function stampsOf(root: string, file: string): FileStamps | undefined {
  // Joined by hand: corpus paths are already relative with forward slashes (which every platform's
  // lstat takes), and path.join's normalising was a fifth of the cost of statting 20,000 files.
  const absolute = root.endsWith('/') || root.endsWith(path.sep) ? root + file : `${root}/${file}`;
  try {
    const text = lstatSync(absolute, { throwIfNoEntry: false });
    if (text === undefined || !text.isFile()) return undefined;
    const sidecar = lstatSync(sidecarPathFor(absolute), { throwIfNoEntry: false });
    if (sidecar !== undefined && !sidecar.isFile()) return undefined;
    return { sidecar: sidecar === undefined ? null : { size: sidecar.size, mtimeMs: sidecar.mtimeMs }, text: { size: text.size, mtimeMs: text.mtimeMs } };
  } catch {
    return undefined;
  }
}

export class CommandLineCache {
  private readonly next = new Map<string, SummaryCacheEntry>();
  private changed = false;

  private constructor(
    private readonly folder: string,
    private readonly root: string,
    private readonly fingerprint: string,
    private readonly previous: SummaryCacheFile | undefined,
  ) {}

  /**
   * The cache of the corpus at `root` (its real path), in `folder`; empty when there is none or
   * it cannot be used. `fingerprint` names what else the summaries depend on (the project's types).
   */
  static open(folder: string, root: string, fingerprint: string): CommandLineCache {
    let bytes: Uint8Array | undefined;
    try {
      const file = path.join(folder, commandLineCacheFileName);
      // Only a plain file is read: a FIFO put there would block the read for ever.
      if (lstatSync(file, { throwIfNoEntry: false })?.isFile() === true) bytes = readFileSync(file);
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
    return new CommandLineCache(folder, root, fingerprint, SummaryCacheFile.read(bytes, { root, fingerprint }));
  }

  /** Whether the cache has an entry for `file` at all (only then is it worth looking at the file first). */
  holds(file: string): boolean {
    return this.previous?.has(file) === true;
  }

  /** The cached summary of `file` when its stamps are exactly the cached ones; undefined otherwise. */
  lookup(file: string, stamps: FileStamps): FileSummary | undefined {
    const summary = this.previous?.lookup(file, stamps);
    if (summary !== undefined) this.next.set(file, { path: file, stamps, summary });
    return summary;
  }

  /**
   * Keeps `summary` for the next run, under the stamps taken before reading the files, unless it
   * is not worth keeping (unreadable) or not safe to (changed within the racy window of `readAt`).
   */
  remember(file: string, stamps: FileStamps, summary: FileSummary, readAt: number): void {
    this.changed = true;
    if (!summary.readable) return;
    if ([stamps.sidecar, stamps.text].some((stamp) => stamp !== null && stamp.mtimeMs >= readAt - racyWindowMs)) return;
    this.next.set(file, { path: file, stamps, summary });
  }

  /**
   * Writes the cache when anything changed (files read, files gone): temporary file, then rename.
   * False when it could not be written, which is never an error: the next run reads the files.
   */
  async save(): Promise<boolean> {
    const gone = this.previous !== undefined && [...this.previous.paths()].some((file) => !this.next.has(file));
    if (!this.changed && !gone) return false;
    try {
      await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
      const bytes = encodeSummaryCache({ root: this.root, fingerprint: this.fingerprint }, [...this.next.values()]);
      await new NodeFileSystem().writeFileAtomic(path.join(this.folder, commandLineCacheFileName), bytes);
      await fs.rm(path.join(this.folder, formerCacheFileName), { force: true });
      return true;
    } catch {
      return false;
    }
  }
}
