/**
 * Writes an export to disk. Single files are written atomically (temporary file, then rename), as
 * is each file of a brat folder. An export never writes into the corpus: any file it would write
 * that the corpus would take as its own (a text file its globs include, a sidecar, the project
 * file) is refused before anything is written. An export file elsewhere inside the corpus folder
 * (`corpus/export.yaml`) is allowed: the corpus does not read it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportOutput } from '../core/export/exportTypes';
import { projectFileName, sidecarSuffix, type CorpusMatcher } from '../core/project';
import { NodeFileSystem } from './nodeFileSystem';

export interface ExportTarget {
  /** Absolute path of the output file (yaml, jsonl, spacy, conll) or folder (brat). */
  out: string;
  corpusRoot: string;
  isCorpusFile: CorpusMatcher;
}

/** Writes the files; returns a message when the export is refused or fails, else undefined. */
export async function writeExport(output: ExportOutput, target: ExportTarget): Promise<string | undefined> {
  const destinations = output.files.map((file) => ({ file, absolute: output.layout === 'file' ? target.out : path.join(target.out, ...file.path.split('/')) }));
  const root = await realFolder(target.corpusRoot);
  for (const { absolute } of destinations) {
    const relative = path.relative(root, await realPath(absolute));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const corpusPath = relative.split(path.sep).join('/');
    if (target.isCorpusFile(corpusPath) || corpusPath.endsWith(sidecarSuffix) || path.basename(corpusPath) === projectFileName) {
      return `Refusing to export: ${corpusPath} would be written inside the corpus, where it would be read as corpus text, a sidecar or the project file. Choose an --out outside ${target.corpusRoot}.`;
    }
  }
  if (output.layout === 'file') {
    const existing = await fs.stat(target.out).catch(() => undefined);
    if (existing?.isDirectory()) return `${target.out} is a folder; --out names the file to write for this format.`;
  }
  const disk = new NodeFileSystem();
  const encoder = new TextEncoder();
  try {
    for (const { file, absolute } of destinations) {
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      if ('content' in file) await disk.writeFileAtomic(absolute, encoder.encode(file.content));
      else await disk.writeFileAtomic(absolute, await fs.readFile(path.join(target.corpusRoot, ...file.copyOf.split('/'))));
    }
  } catch (error) {
    return `The export could not be written: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

/** The real path of a file that may not exist yet: its nearest existing folder resolved. */
async function realPath(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  if (parent === absolute) return absolute;
  try {
    return path.join(await fs.realpath(parent), path.basename(absolute));
  } catch {
    return path.join(await realPath(parent), path.basename(absolute));
  }
}

async function realFolder(folder: string): Promise<string> {
  return fs.realpath(folder).catch(() => path.resolve(folder));
}
