/**
 * Lists a corpus folder's text files for the command line, the index and the benchmarks. Paths
 * are relative to the root, with forward slashes, sorted; folders that can never hold corpus
 * text are not entered, nor are linked folders (see walkFiles).
 */
import type { CorpusMatcher } from '../core/project';
import { isSidecarPath } from '../core/sidecar/sidecarPath';
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
  /**
   * Sidecar files, sorted: exactly what `listFilesEndingWith(root, sidecarSuffix)` lists (regular
   * files outside dot-folders and node_modules), taken from the same walk instead of a second one.
   */
  sidecars: string[];
}

export async function listCorpusEntries(root: string, isCorpusFile: CorpusMatcher): Promise<CorpusEntries> {
  const setAside: string[] = [];
  const sidecars: string[] = [];
  // This walk enters every folder the sidecar listing does (and dot-folders besides), so the
  // sidecars outside dot-folders are all seen.
  const see = (relative: string, name: string, regular: boolean) => {
    if (!regular || !isSidecarPath(name)) return;
    const folders = relative.slice(0, relative.length - name.length);
    if (!folders.startsWith('.') && !folders.includes('/.')) sidecars.push(relative);
  };
  const files = await walkFiles(root, { enter: (name) => !skippedFolders.has(name), keep: (relative) => isCorpusFile(relative), setAside: (relative) => setAside.push(relative), see });
  return { files, setAside, sidecars: sidecars.sort() };
}
