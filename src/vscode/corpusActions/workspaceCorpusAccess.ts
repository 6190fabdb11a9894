/**
 * Validate and Export in the browser: the corpus opened over `workspace.fs` (the same project
 * reading, store and checks as the command line), and exports written into the workspace
 * through `workspace.fs`, one call per file. A virtual file system cannot replace a file
 * atomically or stream into it, so each export file is built in memory and written whole.
 */
import * as vscode from 'vscode';
import { exportHeadBytes, intoCorpusRefusal, overwriteRefusalOf, type ExistingOutput } from '../../core/export/exportMarker';
import type { ExportFile, ExportFormat } from '../../core/export/exportTypes';
import { isSidecarPath } from '../../core/sidecar/sidecarPath';
import { openCorpusOver, type CorpusOverFiles } from '../../workspace/openCorpusOver';
import { findFolderFiles, folderFileSystem } from '../files/folderFiles';
import type { CorpusAccess } from './corpusAccess';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const workspaceCorpusAccess: CorpusAccess = {
  open: async (folder) => {
    const root = folder.uri.path.replace(/\/$/, '');
    return openCorpusOver(root, folderFileSystem(folder), async (isCorpusFile) => {
      const all = await findFolderFiles(folder);
      const files = all.filter((file) => isCorpusFile(file)).sort();
      // As on disk: sidecars outside dot-folders (node_modules and the like are never listed).
      const inDotFolder = (file: string) => {
        const folders = file.slice(0, file.lastIndexOf('/') + 1);
        return folders.startsWith('.') || folders.includes('/.');
      };
      const sidecars = all.filter((file) => isSidecarPath(file) && !inDotFolder(file)).sort();
      return { files, sidecars };
    });
  },
  fullPath: (corpus, relative) => `${corpus.root}/${relative}`,
  exportFolder: (folder) => folder.uri,
  overwriteRefusal: async (format, out) => overwriteRefusalOf(format, out.path, await existingOutput(format, out)),
  writeExport: async (output, { out, corpus, force }) => {
    const destinations = output.files.map((file) => ({ file, uri: output.layout === 'file' ? out : vscode.Uri.joinPath(out, ...file.path.split('/')) }));
    for (const { uri } of destinations) {
      if (!uri.path.startsWith(`${corpus.root}/`) || vscode.workspace.getWorkspaceFolder(uri) === undefined) continue;
      const refusal = intoCorpusRefusal(uri.path.slice(corpus.root.length + 1), corpus.matcher, corpus.root);
      if (refusal !== undefined) return refusal;
    }
    const existing = await statOrUndefined(out);
    const isFolder = existing !== undefined && (existing.type & vscode.FileType.Directory) !== 0;
    if (output.layout === 'file' && isFolder) return `${out.path} is a folder; --out names the file to write for this format.`;
    if (output.layout === 'folder' && existing !== undefined && !isFolder) return `${out.path} is a file; --out names the folder to write for this format.`;
    if (output.format !== undefined && !force) {
      const refusal = overwriteRefusalOf(output.format, out.path, await existingOutput(output.format, out));
      if (refusal !== undefined) return refusal;
    }
    try {
      for (const { file, uri } of destinations) await vscode.workspace.fs.writeFile(uri, await bytesOf(file, corpus));
    } catch (error) {
      return `The export could not be written: ${error instanceof Error ? error.message : String(error)}`;
    }
    return undefined;
  },
};

async function bytesOf(file: ExportFile, corpus: CorpusOverFiles): Promise<Uint8Array> {
  if ('copyOf' in file) {
    const bytes = await corpus.fileSystem.readFile(file.copyOf);
    if (bytes === undefined) throw new Error(`${file.copyOf} disappeared while exporting.`);
    return bytes;
  }
  return encoder.encode('content' in file ? file.content : [...file.chunks()].join(''));
}

async function existingOutput(format: ExportFormat, out: vscode.Uri): Promise<ExistingOutput> {
  const status = await statOrUndefined(out);
  if (status === undefined) return undefined;
  if ((status.type & vscode.FileType.Directory) !== 0) {
    if (format !== 'brat') return { kind: 'folder', names: [], annotationConf: undefined };
    const names = (await vscode.workspace.fs.readDirectory(out)).map(([name]) => name);
    return { kind: 'folder', names, annotationConf: names.length === 0 ? undefined : await headOf(vscode.Uri.joinPath(out, 'annotation.conf')) };
  }
  if ((status.type & vscode.FileType.File) === 0) return { kind: 'other' };
  return { kind: 'file', head: format === 'brat' ? undefined : await headOf(out) };
}

async function headOf(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode((await vscode.workspace.fs.readFile(uri)).subarray(0, exportHeadBytes));
  } catch {
    return undefined;
  }
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

