/**
 * The desktop's corpus index source: the local disk through src/node (synchronous reads in
 * short slices, the cache file in the workspace storage). Node-only, so it lives in
 * src/vscode/node/, which the browser build never reaches.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index';
import { loadCorpusIndex, saveCorpusIndexCache } from '../../node/corpusIndexLoader';
import { listCorpusFiles } from '../../node/listCorpusFiles';
import { readIndexEntry } from '../../node/readIndexEntry';
import type { CorpusFileSource, CorpusLoadOptions, EntryReadOptions } from '../index/corpusFileSource';

export class DiskCorpusFileSource implements CorpusFileSource {
  /** @param storage the workspace storage folder, where each folder's cache file is kept (none without one). */
  constructor(private readonly storage: vscode.Uri | undefined) {}

  handles(folder: vscode.WorkspaceFolder): boolean {
    return folder.uri.scheme === 'file';
  }

  list(folder: vscode.WorkspaceFolder, isCorpusFile: (relative: string) => boolean): Promise<string[]> {
    return listCorpusFiles(folder.uri.fsPath, isCorpusFile).catch(() => []);
  }

  async load(folder: vscode.WorkspaceFolder, files: readonly string[], options: CorpusLoadOptions): Promise<void> {
    await loadCorpusIndex(folder.uri.fsPath, files, this.cachePath(folder), options);
    // The cache was a JSON file before it was binary: the old one is never read again.
    const legacy = this.cachePath(folder, 'json');
    if (legacy) await rm(legacy, { force: true }).catch(() => undefined);
  }

  readEntry(folder: vscode.WorkspaceFolder, file: string, options: EntryReadOptions) {
    return readIndexEntry(folder.uri.fsPath, file, options);
  }

  async saveCache(folder: vscode.WorkspaceFolder, index: CorpusIndex, options: EntryReadOptions): Promise<void> {
    const cachePath = this.cachePath(folder);
    if (cachePath) await saveCorpusIndexCache(index, cachePath, options);
  }

  private cachePath(folder: vscode.WorkspaceFolder, extension = 'bin'): string | undefined {
    if (!this.storage) return undefined;
    const key = createHash('sha256').update(folder.uri.toString()).digest('hex').slice(0, 16);
    return path.join(this.storage.fsPath, `corpus-index-${key}.${extension}`);
  }
}
