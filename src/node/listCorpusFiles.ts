/**
 * Lists a corpus folder's text files for the command line, the index and the benchmarks. Paths
 * are relative to the root, with forward slashes, sorted; folders that can never hold corpus
 * text are not entered.
 */
import type { CorpusMatcher } from '../core/project';
import { walkFiles } from './walkFiles';

const skippedFolders = new Set(['.git', 'node_modules', '.hg', '.svn']);

export function listCorpusFiles(root: string, isCorpusFile: CorpusMatcher): Promise<string[]> {
  return walkFiles(root, { enter: (name) => !skippedFolders.has(name), keep: (relative) => isCorpusFile(relative) });
}
