/**
 * The command line's cache between runs: one JSON file per corpus holding each file's summary
 * (counts and problems, see core/index/fileSummary.ts), so a second `stats` or `validate` of an
 * unchanged corpus stats every file and reads one file instead of reading and checking them all.
 *
 * Where: `$XDG_CACHE_HOME/news-annotator/cli/<hash of the corpus root>/summaries.json`
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
import { promises as fs, lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validSummary, type FileSummary } from '../core/index/fileSummary';
import type { FileStamp } from '../core/index/indexEntry';
import { racyWindowMs } from '../core/index/indexCache';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { NodeFileSystem } from './nodeFileSystem';

export const commandLineCacheFormat = 'news-annotator/cli-cache';
export const commandLineCacheVersion = 1;

/** Size and mtime of a file's sidecar (null: none) and text, taken before reading them (by lstat, or on the opened files). */
export interface FileStamps {
  readonly sidecar: FileStamp | null;
  readonly text: FileStamp;
}

interface CachedFile {
  readonly sidecar: [number, number] | null;
  readonly text: [number, number];
  readonly summary: unknown;
}

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
  private readonly next = new Map<string, CachedFile>();
  private changed = false;

  private constructor(
    private readonly cacheFile: string,
    private readonly root: string,
    private readonly fingerprint: string,
    private readonly previous: ReadonlyMap<string, CachedFile>,
  ) {}

  /**
   * The cache of the corpus at `root` (its real path), in `folder`; empty when there is none or
   * it cannot be used. `fingerprint` names what else the summaries depend on (the project's types).
   */
  static async open(folder: string, root: string, fingerprint: string): Promise<CommandLineCache> {
    const cacheFile = path.join(folder, 'summaries.json');
    const previous = new Map<string, CachedFile>();
    try {
      const data = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as unknown;
      if (isRecord(data) && data['format'] === commandLineCacheFormat && data['version'] === commandLineCacheVersion && data['root'] === root && data['fingerprint'] === fingerprint && isRecord(data['files'])) {
        for (const [file, entry] of Object.entries(data['files'])) if (isCachedFile(entry)) previous.set(file, entry);
      }
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
    return new CommandLineCache(cacheFile, root, fingerprint, previous);
  }

  /** Whether the cache has an entry for `file` at all (only then is it worth looking at the file first). */
  holds(file: string): boolean {
    return this.previous.has(file);
  }

  /** The cached summary of `file` when its stamps are exactly the cached ones; undefined otherwise. */
  lookup(file: string, stamps: FileStamps): FileSummary | undefined {
    const entry = this.previous.get(file);
    if (entry === undefined || !sameStamp(entry.sidecar, stamps.sidecar) || !sameStamp(entry.text, stamps.text)) return undefined;
    const summary = validSummary(entry.summary, file);
    if (summary !== undefined) this.next.set(file, entry);
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
    this.next.set(file, { sidecar: stampSlot(stamps.sidecar), text: stampSlot(stamps.text)!, summary });
  }

  /**
   * Writes the cache when anything changed (files read, files gone): temporary file, then rename.
   * False when it could not be written, which is never an error: the next run reads the files.
   */
  async save(): Promise<boolean> {
    const gone = [...this.previous.keys()].some((file) => !this.next.has(file));
    if (!this.changed && !gone) return false;
    try {
      await fs.mkdir(path.dirname(this.cacheFile), { recursive: true, mode: 0o700 });
      const files: string[] = [];
      for (const [file, entry] of this.next) files.push(`${JSON.stringify(file)}:${JSON.stringify(entry)}`);
      const head = JSON.stringify({ format: commandLineCacheFormat, version: commandLineCacheVersion, root: this.root, fingerprint: this.fingerprint });
      const content = `${head.slice(0, -1)},"files":{${files.join(',')}}}\n`;
      await new NodeFileSystem().writeFileAtomic(this.cacheFile, Buffer.from(content, 'utf8'));
      return true;
    } catch {
      return false;
    }
  }
}

function stampSlot(stamp: FileStamp | null): [number, number] | null {
  return stamp === null ? null : [stamp.size, stamp.mtimeMs];
}

function sameStamp(cached: [number, number] | null, stamp: FileStamp | null): boolean {
  if (cached === null || stamp === null) return cached === stamp;
  return cached[0] === stamp.size && cached[1] === stamp.mtimeMs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStampSlot(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'number' && Number.isFinite(part));
}

function isCachedFile(value: unknown): value is CachedFile {
  return isRecord(value) && (value['sidecar'] === null || isStampSlot(value['sidecar'])) && isStampSlot(value['text']) && 'summary' in value;
}
