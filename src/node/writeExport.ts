/**
 * Writes an export to disk. Single files are written atomically (temporary file, then rename), as
 * is each file of a brat folder; content made piece by piece is written as it comes, a megabyte
 * at a time, and copies of corpus files are copied by the file system, so memory stays bounded
 * whatever the size of the corpus. An existing output is replaced only when it is an earlier
 * export of the same format (exportMarker.ts) or `force` is set. An export never writes into the corpus: any file it would write
 * that the corpus would take as its own (a text file its globs include, a sidecar, the project
 * file) is refused before anything is written. An export file elsewhere inside the corpus folder
 * (`corpus/export.yaml`) is allowed: the corpus does not read it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportFile, ExportOutput } from '../core/export/exportTypes';
import { intoCorpusRefusal } from '../core/export/exportMarker';
import type { CorpusMatcher } from '../core/project';
import { overwriteRefusal } from './exportMarker';

export interface ExportTarget {
  /** Absolute path of the output file (yaml, jsonl, spacy, conll) or folder (brat). */
  out: string;
  corpusRoot: string;
  isCorpusFile: CorpusMatcher;
  /** Replace an existing output even when it is not an earlier export of this format. */
  force?: boolean;
}

/** Strings are gathered up to this many UTF-16 units before each write. */
const writeBatch = 1 << 20;

/** Writes the files; returns a message when the export is refused or fails, else undefined. */
export async function writeExport(output: ExportOutput, target: ExportTarget): Promise<string | undefined> {
  const destinations = output.files.map((file) => ({ file, absolute: output.layout === 'file' ? target.out : path.join(target.out, ...file.path.split('/')) }));
  const root = await realFolder(target.corpusRoot);
  for (const { absolute } of destinations) {
    const relative = path.relative(root, await realPath(absolute));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const refusal = intoCorpusRefusal(relative.split(path.sep).join('/'), target.isCorpusFile, target.corpusRoot);
    if (refusal !== undefined) return refusal;
  }
  const existing = await fs.stat(target.out).catch(() => undefined);
  if (output.layout === 'file' && existing?.isDirectory()) return `${target.out} is a folder; --out names the file to write for this format.`;
  if (output.layout === 'folder' && existing !== undefined && !existing.isDirectory()) return `${target.out} is a file; --out names the folder to write for this format.`;
  if (output.format !== undefined && target.force !== true) {
    const refusal = await overwriteRefusal(output.format, target.out);
    if (refusal !== undefined) return refusal;
  }
  try {
    for (const { file, absolute } of destinations) {
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      await writeAtomic(absolute, file, target.corpusRoot);
    }
  } catch (error) {
    return `The export could not be written: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

/** Writes one file through a temporary file beside it, renamed over the target when complete. */
async function writeAtomic(absolute: string, file: ExportFile, corpusRoot: string): Promise<void> {
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if ('copyOf' in file) {
      await fs.copyFile(path.join(corpusRoot, ...file.copyOf.split('/')), temporary);
    } else {
      const handle = await fs.open(temporary, 'wx');
      try {
        await writeChunks(handle, 'content' in file ? [file.content] : file.chunks());
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await fs.rename(temporary, absolute);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function writeChunks(handle: fs.FileHandle, chunks: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    length += chunk.length;
    if (length >= writeBatch) {
      await handle.writeFile(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) await handle.writeFile(batch.join(''));
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
