/**
 * Reads one corpus file's index entry from disk: stats, then reads and parses its sidecar, and
 * (with `checkText`) reads the text to count annotations the text no longer holds. For the
 * start-up load and for file-system events alike. Never throws: a file that cannot be read
 * gives an entry flagged unreadable, without stamps, so the cache never keeps it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync } from 'node:fs';
import path from 'node:path';
import { entryFromSidecar, unreadableEntry, untaggedEntry, type FileStamp, type IndexEntry } from '../core/index/indexEntry';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { decodeText, type DecodedText } from '../core/text/decodeText';
import { decodeUtf8Fast } from './decodeUtf8Fast';
import { readOpened } from './readOpened';

export interface ReadEntryOptions {
  /** Read the text too, to count orphaned annotations when it changed (default true). */
  checkText?: boolean;
  /** The project's entity types; others count as problems. */
  knownTypes?: ReadonlySet<string>;
}

// Never follow a link (a sidecar linked to a secrets file) or wait on a FIFO: see confinedFileSystem.ts.
const readFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The entry of `file` (relative to `root`, '/' separators), for one file-system event. It reads
 * as the start-up load does (readIndexEntrySync below): one small file, one short synchronous read.
 */
export async function readIndexEntry(root: string, file: string, options: ReadEntryOptions = {}): Promise<IndexEntry> {
  return Promise.resolve(readIndexEntrySync(root, file, options));
}

/**
 * Reading without promises: the start-up load runs these in short synchronous slices (see
 * corpusIndexLoader.ts); reading thousands of small files through promises costs three to five
 * times as much (a thread-pool round trip per system call).
 */
export function statStampSync(filePath: string): FileStamp | null {
  const status = lstatSync(filePath, { throwIfNoEntry: false });
  if (status === undefined) return null;
  if (!status.isFile()) throw new Error(`${filePath} is not a regular file.`);
  return { size: status.size, mtimeMs: status.mtimeMs };
}

function readStampedSync(filePath: string): { stamp: FileStamp; bytes: Uint8Array } | null {
  let descriptor: number;
  try {
    descriptor = openSync(filePath, readFlags);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
  try {
    const status = fstatSync(descriptor);
    if (!status.isFile()) throw new Error(`${filePath} is not a regular file.`);
    return { stamp: { size: status.size, mtimeMs: status.mtimeMs }, bytes: readOpened(descriptor, status.size) };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * `stamps` are the ones just taken, when the caller has them; they are taken before reading, so
 * a change while reading shows up as a different stamp next time rather than as stale data.
 */
export function readIndexEntrySync(root: string, file: string, options: ReadEntryOptions = {}, stamps?: { sidecar: FileStamp | null; text: FileStamp | null }): IndexEntry {
  const checkText = options.checkText ?? true;
  const sidecarFile = sidecarPathFor(file);
  const readAt = Date.now();
  try {
    let sidecarStamp: FileStamp | null;
    let textStamp: FileStamp | null;
    let bytes: Uint8Array;
    let textBytes: Uint8Array | undefined;
    if (stamps) {
      sidecarStamp = stamps.sidecar;
      if (sidecarStamp === null) return untaggedEntry();
      textStamp = checkText ? stamps.text : null;
      const sidecar = readStampedSync(path.join(root, sidecarFile));
      if (sidecar === null) return unreadableEntry(1);
      bytes = sidecar.bytes;
    } else {
      const sidecar = readStampedSync(path.join(root, sidecarFile));
      if (sidecar === null) return untaggedEntry();
      ({ stamp: sidecarStamp, bytes } = sidecar);
      const textFile = checkText ? readStampedSync(path.join(root, file)) : null;
      textStamp = textFile?.stamp ?? null;
      textBytes = textFile?.bytes;
    }
    const content = decodeUtf8Fast(bytes);
    if (content === undefined) return unreadableEntry(1, { sidecarStamp, textStamp, readAt });
    let text: DecodedText | undefined;
    if (textStamp !== null) {
      if (textBytes === undefined) {
        const textFile = readStampedSync(path.join(root, file));
        if (textFile === null) return unreadableEntry(1);
        textBytes = textFile.bytes;
      }
      text = decodeText(textBytes);
    }
    return entryFromSidecar(content, sidecarFile, { knownTypes: options.knownTypes, text, sidecarStamp, textStamp, readAt });
  } catch {
    // Vanished between stat and read, permissions, I/O: shown as a problem, re-read next time.
    return unreadableEntry(1);
  }
}
