/**
 * A `FileSystem` whose paths are relative to a corpus root. The store names files in the problems
 * it reports exactly as it was given them, so loading a corpus through this wrapper makes every
 * problem point at a root-relative path (`en/article.txt.ann.yaml:4:7`), which is what the command
 * line prints and what editors and CI link to.
 */
import type { FileSystem, LockOptions, LockResult } from '../store/fileSystem';

export class RootedFileSystem implements FileSystem {
  constructor(
    private readonly inner: FileSystem,
    readonly root: string,
  ) {}

  /** The path the inner file system sees for a root-relative path. */
  resolve(relativePath: string): string {
    return joinPath(this.root, relativePath);
  }

  readFile(relativePath: string): Promise<Uint8Array | undefined> {
    return this.inner.readFile(this.resolve(relativePath));
  }

  stat(relativePath: string): Promise<{ size: number; mtimeMs: number } | undefined> {
    return this.inner.stat(this.resolve(relativePath));
  }

  writeFileAtomic(relativePath: string, data: Uint8Array): Promise<void> {
    return this.inner.writeFileAtomic(this.resolve(relativePath), data);
  }

  lock(relativePath: string, options?: LockOptions): Promise<LockResult> {
    return this.inner.lock(this.resolve(relativePath), options);
  }
}

/** `root/relative` with forward slashes; Node accepts them on every platform. */
export function joinPath(root: string, relativePath: string): string {
  if (root === '' || root === '.') return relativePath;
  return root.replace(/[\\/]+$/, '') + '/' + relativePath.replace(/^[\\/]+/, '');
}
