/**
 * The editor's `FileSystem`: absolute paths, each walled in by the workspace folder that holds it
 * (a `ConfinedFileSystem` per folder), so the editor cannot read or write through a link out of
 * the corpus any more than the command line can. A path in no folder is refused.
 */
import path from 'node:path';
import type { FileStatus, FileSystem, LockOptions, LockResult } from '../core/store/fileSystem';
import { ConfinedFileSystem, CorpusBoundaryError } from './confinedFileSystem';

export class FoldersFileSystem implements FileSystem {
  private folders: ConfinedFileSystem[] = [];
  /** Calls wait for the folders being opened, so the first read after start-up is not refused. */
  private opening: Promise<void> = Promise.resolve();
  private opened = '';

  /**
   * @param roots the workspace folders now; asked again when a path is in none of the opened
   *   ones (a window opened on a .code-workspace file receives its folders after start-up,
   *   sometimes without a folder-change event).
   */
  constructor(private readonly roots: () => readonly string[] = () => []) {}

  /** Opens the folders that exist; the others are left out (nothing in them can be read). */
  setFolders(roots: readonly string[]): Promise<void> {
    this.opened = roots.join('\n');
    this.opening = Promise.all(roots.map((root) => ConfinedFileSystem.open(root).catch(() => undefined))).then((opened) => {
      // Longest root first, so a nested folder wins over the folder around it.
      this.folders = opened.filter((folder): folder is ConfinedFileSystem => folder !== undefined).sort((left, right) => right.root.length - left.root.length);
    });
    return this.opening;
  }

  async readFile(filePath: string): Promise<Uint8Array | undefined> {
    const { folder, relative } = await this.locate(filePath);
    return folder.readFile(relative);
  }

  async stat(filePath: string): Promise<FileStatus | undefined> {
    const { folder, relative } = await this.locate(filePath);
    return folder.stat(relative);
  }

  async writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
    const { folder, relative } = await this.locate(filePath);
    return folder.writeFileAtomic(relative, data);
  }

  async removeFile(filePath: string): Promise<void> {
    const { folder, relative } = await this.locate(filePath);
    return folder.removeFile(relative);
  }

  async lock(filePath: string, options?: LockOptions): Promise<LockResult> {
    const { folder, relative } = await this.locate(filePath);
    return folder.lock(relative, options);
  }

  private async locate(filePath: string): Promise<{ folder: ConfinedFileSystem; relative: string }> {
    await this.opening;
    const found = this.find(filePath);
    if (found) return found;
    const now = this.roots();
    if (now.join('\n') !== this.opened) {
      await this.setFolders(now);
      const again = this.find(filePath);
      if (again) return again;
    }
    throw new CorpusBoundaryError(`${path.basename(filePath)} is not inside a workspace folder, so News Annotator does not read or write it.`);
  }

  private find(filePath: string): { folder: ConfinedFileSystem; relative: string } | undefined {
    const absolute = path.resolve(filePath);
    for (const folder of this.folders) {
      const relative = path.relative(folder.root, absolute);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return { folder, relative: relative.split(path.sep).join('/') };
    }
    return undefined;
  }
}
