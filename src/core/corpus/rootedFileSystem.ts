/**
 * A `FileSystem` whose paths are relative to a corpus root. The store names files in the problems
 * it reports exactly as it was given them, so loading a corpus through this wrapper makes every
 * problem point at a root-relative path (`en/article.txt.ann.yaml:4:7`), which is what the command
 * line prints and what editors and CI link to.
 *
 * It checks paths by their text only (no absolute paths, no `..`): it cannot see links. On disk,
 * the command line and the editor's corpus commands use src/node/confinedFileSystem.ts, which
 * also refuses links, files that are not regular files, and folders that lead out of the root.
 */
import type { FileSystem, LockOptions, LockResult } from '../store/fileSystem';

export class RootedFileSystem implements FileSystem {
  constructor(
    private readonly inner: FileSystem,
    readonly root: string,
  ) {}

  /** The path the inner file system sees for a root-relative path. */
  resolve(relativePath: string): string {
    const parts = relativePath.replace(/\\/g, '/').split('/');
    if (relativePath === '' || /^(?:[\\/]|[A-Za-z]:)/.test(relativePath) || parts.includes('..')) {
      throw new Error(`${JSON.stringify(relativePath)} is not a path inside the corpus folder.`);
    }
    return joinPath(this.root, relativePath);
  }

  async readFile(relativePath: string): Promise<Uint8Array | undefined> {
    return this.inner.readFile(this.resolve(relativePath));
  }

  async stat(relativePath: string): Promise<{ size: number; mtimeMs: number } | undefined> {
    return this.inner.stat(this.resolve(relativePath));
  }

  async writeFileAtomic(relativePath: string, data: Uint8Array): Promise<void> {
    return this.inner.writeFileAtomic(this.resolve(relativePath), data);
  }

  removeFile(relativePath: string): Promise<void> {
    return this.inner.removeFile(this.resolve(relativePath));
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
