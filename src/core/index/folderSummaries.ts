/**
 * Totals per folder for the Corpus view's folder rows (files, files not done, tags), in one pass
 * over the files: about a millisecond per thousand files, so the view computes it per refresh.
 */
import type { CorpusIndex } from './corpusIndex';
import type { FileState } from './fileRecord';

export interface FolderSummary {
  /** Folder path relative to the root, '' for the root itself. */
  readonly path: string;
  files: number;
  notDone: number;
  annotations: number;
  readonly states: Record<FileState, number>;
}

export function folderSummaries(index: CorpusIndex, states?: readonly FileState[]): Map<string, FolderSummary> {
  const wanted = states && new Set(states);
  const folders = new Map<string, FolderSummary>();
  const folder = (path: string): FolderSummary => {
    let summary = folders.get(path);
    if (!summary) {
      summary = { path, files: 0, notDone: 0, annotations: 0, states: { untouched: 0, 'in-progress': 0, done: 0, problem: 0 } };
      folders.set(path, summary);
    }
    return summary;
  };
  folder('');
  for (const record of index.records()) {
    const state = record.state;
    if (wanted && !wanted.has(state)) continue;
    // The file counts in every folder above it, up to the root.
    let path = record.path;
    for (;;) {
      const cut = path.lastIndexOf('/');
      path = cut < 0 ? '' : path.slice(0, cut);
      const summary = folder(path);
      summary.files++;
      if (state !== 'done') summary.notDone++;
      summary.annotations += record.count;
      summary.states[state]++;
      if (path === '') break;
    }
  }
  return folders;
}
