import type * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index';
import type { IndexEntry } from '../../core/index/indexEntry';
import type { CorpusMatcher } from '../../core/project';

/** What reading one corpus file's entry takes (as the command line's index reads it). */
export interface EntryReadOptions {
  /** The project's entity types; others count as problems. */
  knownTypes?: ReadonlySet<string>;
}

export interface CorpusLoadOptions extends EntryReadOptions {
  /** The index to bring up to date: the one the views show. */
  index: CorpusIndex;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * How the corpus index reaches a workspace folder's files: the local disk on the desktop (with
 * a cache in the workspace storage), `workspace.fs` in the browser. Paths are relative to the
 * folder, '/' separators.
 */
export interface CorpusFileSource {
  /** Whether this source can read the folder (the desktop reads `file:` folders only). */
  handles(folder: vscode.WorkspaceFolder): boolean;
  /** The folder's corpus text files, sorted. */
  list(folder: vscode.WorkspaceFolder, isCorpusFile: CorpusMatcher): Promise<string[]>;
  /** Fills `options.index` with the entries of `files`, reusing the cache where there is one. */
  load(folder: vscode.WorkspaceFolder, files: readonly string[], options: CorpusLoadOptions): Promise<void>;
  /** One file's entry, after a file-system event. Never throws. */
  readEntry(folder: vscode.WorkspaceFolder, file: string, options: EntryReadOptions): Promise<IndexEntry>;
  /** Saves the folder's index for the next start (nothing where there is no cache). */
  saveCache(folder: vscode.WorkspaceFolder, index: CorpusIndex, options: EntryReadOptions): Promise<void>;
}
