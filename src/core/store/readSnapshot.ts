import { problem, type Problem } from '../problem';
import { sha256Hex } from '../text/decodeText';
import type { FileStatus, FileSystem, FileVersion } from './fileSystem';

/** A sidecar as found on disk: its text and version, or neither when it does not exist. */
export interface Snapshot {
  ok: true;
  content: string | undefined;
  /** The bytes `content` was decoded from. */
  data: Uint8Array | undefined;
  version: FileVersion | undefined;
  /** Whether the file's permissions forbid writing it. */
  readOnly: boolean;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export async function readSnapshot(fileSystem: FileSystem, path: string): Promise<Snapshot | { ok: false; problems: Problem[] }> {
  try {
    let status: FileStatus | undefined;
    let data: Uint8Array | undefined;
    if (fileSystem.readFileWithStatus !== undefined) {
      const read = await fileSystem.readFileWithStatus(path);
      status = read?.status;
      data = read?.data;
    } else {
      status = await fileSystem.stat(path);
      data = await fileSystem.readFile(path);
    }
    if (data === undefined) return { ok: true, content: undefined, data: undefined, version: undefined, readOnly: false };
    // The hash, not the time, is what proves the file unchanged; size and time are cheap extras.
    const version = { size: data.length, mtimeMs: status?.mtimeMs ?? 0, sha256: sha256Hex(data) };
    let content: string;
    try {
      content = strictDecoder.decode(data);
    } catch {
      return { ok: false, problems: [problem('sidecar-encoding', 'The sidecar is not valid UTF-8; it is not read or written.', path)] };
    }
    return { ok: true, content, data, version, readOnly: status?.readOnly === true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('sidecar-unreadable', `The sidecar could not be read: ${message}`, path)] };
  }
}

/** The text's bytes, and its size and time as the same read found them when the file system can say. */
export async function readText(fileSystem: FileSystem, path: string): Promise<{ ok: true; data: Uint8Array; status?: FileStatus } | { ok: false; problems: Problem[] }> {
  try {
    const read: { data?: Uint8Array; status?: FileStatus } | undefined = fileSystem.readFileWithStatus !== undefined ? await fileSystem.readFileWithStatus(path) : { data: await fileSystem.readFile(path) };
    if (read?.data !== undefined) return { ok: true, data: read.data, status: read.status };
    return { ok: false, problems: [problem('text-missing', 'The text file does not exist.', path)] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('text-unreadable', `The text file could not be read: ${message}`, path)] };
  }
}

/** The file's version only (no decoding): what the last check before a write compares. */
export async function readVersion(fileSystem: FileSystem, path: string): Promise<{ ok: true; version: FileVersion | undefined } | { ok: false; problems: Problem[] }> {
  try {
    const status = await fileSystem.stat(path);
    const data = await fileSystem.readFile(path);
    if (data === undefined) return { ok: true, version: undefined };
    return { ok: true, version: { size: data.length, mtimeMs: status?.mtimeMs ?? 0, sha256: sha256Hex(data) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('sidecar-unreadable', `The sidecar could not be read: ${message}`, path)] };
  }
}
