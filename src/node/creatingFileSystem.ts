/**
 * The disk `FileSystem` for imports: like `NodeFileSystem`, but writing a file first creates its
 * folder, since an import may bring texts in folders the corpus does not have yet.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileStatus, FileSystem, LockOptions, LockResult } from '../core/store/fileSystem';
import { NodeFileSystem } from './nodeFileSystem';

export class CreatingFileSystem implements FileSystem {
  private readonly disk = new NodeFileSystem();

  readFile(filePath: string): Promise<Uint8Array | undefined> {
    return this.disk.readFile(filePath);
  }

  stat(filePath: string): Promise<FileStatus | undefined> {
    return this.disk.stat(filePath);
  }

  async writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    await this.disk.writeFileAtomic(filePath, data);
  }

  /** The lock file lives beside the file, so its folder is made first here too. */
  async lock(filePath: string, options?: LockOptions): Promise<LockResult> {
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    return this.disk.lock(filePath, options);
  }
}
