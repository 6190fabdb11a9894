/**
 * Lists a corpus folder's text files for the command line, the index and the benchmarks. Paths
 * are relative to the root, with forward slashes, sorted; folders that can never hold corpus
 * text are not entered, nor are linked folders (see walkFiles).
 */
import type { CorpusMatcher } from '../core/project';
import { walkFiles } from './walkFiles';

export const skippedFolders: ReadonlySet<string> = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** The regular corpus text files. */
export function listCorpusFiles(root: string, isCorpusFile: CorpusMatcher): Promise<string[]> {
  return walkFiles(root, { enter: (name) => !skippedFolders.has(name), keep: (relative) => isCorpusFile(relative) });
}

export interface CorpusEntries {
  /** Regular files the globs include. */
  files: string[];
  /** Paths the globs include that are links, FIFOs, sockets or devices: never read, to be reported. */
  setAside: string[];
}

export async function listCorpusEntries(root: string, isCorpusFile: CorpusMatcher): Promise<CorpusEntries> {
  const setAside: string[] = [];
  const files = await walkFiles(root, { enter: (name) => !skippedFolders.has(name), keep: (relative) => isCorpusFile(relative), setAside: (relative) => setAside.push(relative) });
  return { files, setAside };
}
