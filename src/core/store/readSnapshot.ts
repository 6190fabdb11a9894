import { problem, type Problem } from '../problem';
import { sha256Hex } from '../text/decodeText';
import type { FileStatus, FileSystem, FileVersion } from './fileSystem';

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
