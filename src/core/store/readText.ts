import { problem, type Problem } from '../problem';
import type { FileStatus, FileSystem } from './fileSystem';

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
