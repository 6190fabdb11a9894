/**
 * The browser's corpus index source: files listed with `workspace.findFiles` and read through
 * `workspace.fs`. There is no cache on the web: the workspace storage may be remote or absent,
 * and a virtual folder (github.dev) answers stats over the network, so checking a cache would
 * cost about what reading the sidecars does.
 */
import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index';
import { entryFromSidecar, unreadableEntry, untaggedEntry, type FileStamp, type IndexEntry } from '../../core/index/indexEntry';
import type { CorpusMatcher } from '../../core/project';
import { sidecarPathFor } from '../../core/sidecar/sidecarPath';
import { decodeText } from '../../core/text/decodeText';
import { findFolderFiles } from '../files/folderFiles';
import type { CorpusFileSource, CorpusLoadOptions, EntryReadOptions } from './corpusFileSource';

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export class WorkspaceCorpusFileSource implements CorpusFileSource {
  handles(): boolean {
    return true;
  }

  async list(folder: vscode.WorkspaceFolder, isCorpusFile: CorpusMatcher): Promise<string[]> {
    const files = await findFolderFiles(folder).catch(() => [] as string[]);
    return files.filter((file) => isCorpusFile(file)).sort();
  }

  async load(folder: vscode.WorkspaceFolder, files: readonly string[], options: CorpusLoadOptions): Promise<void> {
    const wanted = new Set(files);
    for (const file of options.index.paths()) if (!wanted.has(file)) options.index.removeFile(file);
    let done = 0;
    // A few reads in flight at a time: a virtual folder answers each over the network.
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        options.index.setFile(file, await this.readEntry(folder, file, options));
        options.onProgress?.({ done: ++done, total: files.length });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  async readEntry(folder: vscode.WorkspaceFolder, file: string, options: EntryReadOptions): Promise<IndexEntry> {
    const sidecarFile = sidecarPathFor(file);
    const readAt = Date.now();
    try {
      const sidecar = await readStamped(vscode.Uri.joinPath(folder.uri, sidecarFile));
      if (sidecar === undefined) return untaggedEntry();
      const text = await readStamped(vscode.Uri.joinPath(folder.uri, file));
      let content: string;
      try {
        content = strictDecoder.decode(sidecar.bytes);
      } catch {
        return unreadableEntry(1, { sidecarStamp: sidecar.stamp, textStamp: text?.stamp ?? null, readAt });
      }
      return entryFromSidecar(content, sidecarFile, {
        knownTypes: options.knownTypes,
        ...(text ? { text: decodeText(text.bytes) } : {}),
        sidecarStamp: sidecar.stamp,
        textStamp: text?.stamp ?? null,
        readAt,
      });
    } catch {
      return unreadableEntry(1);
    }
  }

  async saveCache(_folder: vscode.WorkspaceFolder, _index: CorpusIndex, _options: EntryReadOptions): Promise<void> {
    // No cache on the web (see above).
  }
}

async function readStamped(uri: vscode.Uri): Promise<{ stamp: FileStamp; bytes: Uint8Array } | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
  if ((stat.type & vscode.FileType.File) === 0) throw new Error(`${uri.path} is not a regular file.`);
  return { stamp: { size: stat.size, mtimeMs: stat.mtime }, bytes: await vscode.workspace.fs.readFile(uri) };
}
