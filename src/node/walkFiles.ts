/**
 * Walks a folder tree and returns the files it keeps, relative to the root with forward slashes,
 * sorted. Folders are read concurrently; `enter` decides which folders are worth walking into.
 *
 * Only real folders are entered and only regular files kept: a symbolic link is never followed
 * (to a folder or a file, inside the root or out of it), so the walk stays inside the root and
 * cannot loop. A link, FIFO, socket or device that `keep` would have kept is handed to `setAside`
 * instead, for the caller to report: silently missing a text the globs name would hide it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface WalkFilter {
  /** Whether to walk into a folder, by its name. */
  enter(folderName: string): boolean;
  /** Whether to keep a file, by its path relative to the root and its name. */
  keep(relativePath: string, fileName: string): boolean;
  /** Told of each entry `keep` accepts that is not a regular file (a link, a FIFO, ...). */
  setAside?(relativePath: string): void;
  /** Told of every entry that is not a folder, kept or not, and whether it is a regular file: a second listing in the same walk. */
  see?(relativePath: string, fileName: string, regular: boolean): void;
}

export async function walkFiles(root: string, filter: WalkFilter): Promise<string[]> {
  const found: string[] = [];
  const setAside: string[] = [];
  const walk = async (relativeFolder: string): Promise<void> => {
    // Entry types come from the folder listing itself (lstat when the disk does not say), so a
    // link reports as a link, never as what it points to.
    const entries = await fs.readdir(path.join(root, relativeFolder), { withFileTypes: true });
    // Files in a plain loop, only folders in parallel: a promise per file cost more than reading the folder.
    const folders: Array<Promise<void>> = [];
    for (const entry of entries) {
      const relative = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (filter.enter(entry.name)) folders.push(walk(relative));
      } else {
        const regular = entry.isFile();
        filter.see?.(relative, entry.name, regular);
        if (filter.keep(relative, entry.name)) (regular ? found : setAside).push(relative);
      }
    }
    await Promise.all(folders);
  };
  await walk('');
  if (filter.setAside !== undefined) for (const relative of setAside.sort()) filter.setAside(relative);
  return found.sort();
}
