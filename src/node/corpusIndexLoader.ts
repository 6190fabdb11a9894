/**
 * Builds the corpus index at start-up: stats every corpus file's sidecar (and text), reuses the
 * cached entry of each file whose stamps still match, reads the rest synchronously in slices of
 * a few milliseconds (yielding to the event loop between them), reports progress, and writes the
 * new cache atomically. A warm start of an unchanged corpus therefore reads one cache file and
 * no sidecar; a cold one (no cache, empty index) of a large corpus is read by this thread and
 * worker threads together (readIndexInWorkers.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CorpusIndex } from '../core/index/corpusIndex';
import { IndexCache, serializeIndexCache } from '../core/index/indexCache';
import type { FileMeta } from '../core/index/fileRecord';
import { unreadableEntry, untaggedEntry, type FileStamp } from '../core/index/indexEntry';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { NodeFileSystem } from './nodeFileSystem';
import { performance } from 'node:perf_hooks';
import { readIndexEntrySync, statStampSync, type ReadEntryOptions } from './readIndexEntry';
import { indexThreadsFor, readIndexInWorkers } from './readIndexInWorkers';

export interface LoadProgress {
  readonly done: number;
  readonly total: number;
  /** Files taken from the cache, and files whose sidecar was read. */
  readonly reused: number;
  readonly parsed: number;
}

export interface LoadCorpusIndexOptions extends ReadEntryOptions {
  /**
   * Longest stretch of synchronous reading before the load lets the event loop run (default
   * 8 ms): files are read without promises, several times faster, in slices short enough that
   * the editor keeps answering keystrokes meanwhile.
   */
  sliceMs?: number;
  /** An index to bring up to date (e.g. the one the views show); a new one otherwise. */
  index?: CorpusIndex;
  /** Called after each file. */
  onProgress?: (progress: LoadProgress) => void;
  /** Checked between files; when it answers true the load stops and no cache is written. */
  isCancelled?: () => boolean;
  /**
   * Threads reading a cold start (no cache, empty index), this one included: default one per
   * core (at most 4) with 1,000 files each at least; 1 reads in this thread alone.
   */
  threads?: number;
  /** For tests: the workers read every file of a cold start, this thread none. */
  workersOnly?: boolean;
  /** For tests: the worker threads run this script instead of indexWorker.js. */
  workerScript?: string;
}

export interface LoadedCorpusIndex {
  readonly index: CorpusIndex;
  readonly reused: number;
  readonly parsed: number;
  /** Files already current in the given index. */
  readonly unchanged: number;
  /** Files dropped from the given index because they are no longer in the corpus. */
  readonly removed: number;
  readonly cancelled: boolean;
  readonly cacheWritten: boolean;
}

/**
 * Loads the index of `files` (relative to `root`, '/' separators). `cachePath` is an absolute
 * path for the cache file (the extension's storage folder, say), or undefined for none.
 */
export async function loadCorpusIndex(root: string, files: readonly string[], cachePath: string | undefined, options: LoadCorpusIndexOptions = {}): Promise<LoadedCorpusIndex> {
  const checkText = options.checkText ?? true;
  const fingerprint = cacheFingerprint(options);
  const cache = cachePath === undefined ? undefined : IndexCache.parse(await readOptional(cachePath), fingerprint);
  const index = options.index ?? new CorpusIndex();
  const wanted = new Set(files);
  const stale = index.paths().filter((file) => !wanted.has(file));
  for (const file of stale) index.removeFile(file);

  const counts = { done: 0, reused: 0, parsed: 0, unchanged: 0 };
  const cancelled = () => options.isCancelled?.() === true;
  const loadOne = (file: string): void => {
    if (cache === undefined && !index.has(file)) {
      // Nothing to compare with: read straight away (the stamps come with the reads).
      const entry = readIndexEntrySync(root, file, options);
      index.setFile(file, entry);
      if (entry.hasSidecar) counts.parsed++;
      return;
    }
    let sidecar: FileStamp | null;
    let text: FileStamp | null;
    try {
      // Joined by hand, as stampsOf does (commandLineCache.ts): corpus paths are relative, with
      // forward slashes, and path.join's normalising is paid twice per file.
      const absolute = root.endsWith('/') || root.endsWith(path.sep) ? root + file : `${root}/${file}`;
      sidecar = statStampSync(sidecarPathFor(absolute));
      text = checkText ? statStampSync(absolute) : null;
    } catch {
      index.setFile(file, unreadableEntry(1));
      counts.parsed++;
      return;
    }
    if (sidecar === null) {
      if (index.record(file)?.meta.sidecarStamp === null) counts.unchanged++;
      else index.setFile(file, untaggedEntry());
      return;
    }
    const known = index.record(file)?.meta;
    if (known && sameStamps(known, sidecar, text)) counts.unchanged++;
    else if (cache?.isCurrent(file, sidecar, text) && cache.restore(index, file)) counts.reused++;
    else {
      index.setFile(file, readIndexEntrySync(root, file, options, { sidecar, text }));
      counts.parsed++;
    }
  };

  const sliceMs = Math.max(1, options.sliceMs ?? 8);
  let next = 0;
  const threads = cache === undefined && index.size === 0 ? indexThreadsFor(files.length, options.threads) : 1;
  if (threads > 1) {
    const read = await readIndexInWorkers(root, files, index, {
      ...options,
      threads,
      isCancelled: cancelled,
      onFile: (hasSidecar) => {
        counts.done++;
        if (hasSidecar) counts.parsed++;
        options.onProgress?.({ done: counts.done, total: files.length, reused: counts.reused, parsed: counts.parsed });
      },
    });
    // A worker that failed leaves the files after the last adopted run to this thread.
    next = read.adopted;
  }
  while (next < files.length && !cancelled()) {
    const sliceStarted = performance.now();
    do {
      loadOne(files[next++]);
      counts.done++;
      options.onProgress?.({ done: counts.done, total: files.length, reused: counts.reused, parsed: counts.parsed });
    } while (next < files.length && performance.now() - sliceStarted < sliceMs && !cancelled());
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  // Forms the cache interned ahead for files that turned out changed (or were not reached).
  if (cache !== undefined) index.table.releaseUnmentioned();
  const stopped = cancelled();
  let cacheWritten = false;
  const changed = counts.parsed > 0 || stale.length > 0 || cache === undefined || cache.size !== index.size;
  if (!stopped && cachePath !== undefined && changed) cacheWritten = await saveCorpusIndexCache(index, cachePath, options);
  return { index, reused: counts.reused, parsed: counts.parsed, unchanged: counts.unchanged, removed: stale.length, cancelled: stopped, cacheWritten };
}

/**
 * Writes the index's cache (temporary file, then rename). For saving again later in a session,
 * with the same options as the load. False when it could not be written; the cache is an
 * optimisation, so that is never an error for the caller.
 */
export async function saveCorpusIndexCache(index: CorpusIndex, cachePath: string, options: ReadEntryOptions = {}): Promise<boolean> {
  try {
    await fs.mkdir(path.dirname(cachePath), { recursive: true });
    await new NodeFileSystem().writeFileAtomic(cachePath, serializeIndexCache(index, cacheFingerprint(options)));
    return true;
  } catch {
    return false;
  }
}

/** What makes cached entries comparable: problem counts depend on the known types and the text check. */
export function cacheFingerprint(options: ReadEntryOptions): string {
  const types = options.knownTypes ? [...options.knownTypes].sort() : null;
  return JSON.stringify({ checkText: options.checkText ?? true, types });
}

function sameStamps(meta: FileMeta, sidecar: FileStamp, text: FileStamp | null): boolean {
  const same = (left: FileStamp | null | undefined, right: FileStamp | null) =>
    left === right || (!!left && !!right && left.size === right.size && left.mtimeMs === right.mtimeMs);
  return same(meta.sidecarStamp, sidecar) && same(meta.textStamp, text);
}

async function readOptional(filePath: string): Promise<Uint8Array | undefined> {
  try {
    // Only a plain file is read: a FIFO put there would keep the load waiting for ever.
    if (!(await fs.lstat(filePath)).isFile()) return undefined;
    return await fs.readFile(filePath);
  } catch {
    return undefined;
  }
}
