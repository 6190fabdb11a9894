/**
 * Files below a folder whose names end with a suffix (`.ann` in a brat collection, `.ann.yaml`
 * sidecars in a corpus), relative to the folder with forward slashes, sorted. Dot-folders (the corpus
 * globs skip them too; .git is one) and node_modules are not entered.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function listFilesEndingWith(root: string, suffix: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relativeFolder: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relativeFolder), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const relative = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(relative);
        } else if (entry.isFile() && entry.name.endsWith(suffix) && entry.name.length > suffix.length) {
          found.push(relative);
        }
      }),
    );
  };
  await walk('');
  return found.sort();
}
