/**
 * Lists a corpus folder's text files for the command line and the benchmarks (the extension
 * uses VS Code's own file search instead). Paths are relative to the root, with forward
 * slashes, sorted; folders that can never hold corpus text are not entered.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CorpusMatcher } from '../core/project';

const skippedFolders = new Set(['.git', 'node_modules', '.hg', '.svn']);

export async function listCorpusFiles(root: string, isCorpusFile: CorpusMatcher): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relativeFolder: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relativeFolder), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const relative = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!skippedFolders.has(entry.name)) await walk(relative);
        } else if (entry.isFile() && isCorpusFile(relative)) {
          found.push(relative);
        }
      }),
    );
  };
  await walk('');
  return found.sort();
}
