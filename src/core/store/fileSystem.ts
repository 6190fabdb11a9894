/**
 * The only way the core reaches files. The extension implements it over the local disk
 * (src/node/nodeFileSystem.ts), tests over memory (memoryFileSystem.ts).
 */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. Other failures throw. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Size and modification time, or undefined when the file does not exist. */
  stat(path: string): Promise<{ size: number; mtimeMs: number } | undefined>;
  /**
   * Replaces the file in one step: readers see the old bytes or the new ones, never a mix
   * (temporary file in the same folder, then rename over the target).
   */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
}

/** What a file looked like when read; compared before writing to detect outside changes. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
}

export function sameVersion(left: FileVersion | undefined, right: FileVersion | undefined): boolean {
  if (left === undefined || right === undefined) return left === right;
  return left.size === right.size && left.mtimeMs === right.mtimeMs && left.sha256 === right.sha256;
}
