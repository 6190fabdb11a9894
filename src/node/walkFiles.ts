/**
 * Walks a folder tree and returns the files it keeps, relative to the root with forward slashes,
 * sorted. Folders are read concurrently; `enter` decides which folders are worth walking into.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface WalkFilter {
  /** Whether to walk into a folder, by its name. */
  enter(folderName: string): boolean;
  /** Whether to keep a file, by its path relative to the root and its name. */
  keep(relativePath: string, fileName: string): boolean;
}

export async function walkFiles(root: string, filter: WalkFilter): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relativeFolder: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relativeFolder), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const relative = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (filter.enter(entry.name)) await walk(relative);
        } else if (entry.isFile() && filter.keep(relative, entry.name)) {
          found.push(relative);
        }
      }),
    );
  };
  await walk('');
  return found.sort();
}
