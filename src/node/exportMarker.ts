/**
 * Whether an existing output on disk is an earlier export of a format, which an export may
 * replace without `--force` (the rules: src/core/export/exportMarker.ts). Only the start of a
 * file is read (64 KB), so the check costs nothing on a large export.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportHeadBytes, overwriteRefusalOf, type ExistingOutput } from '../core/export/exportMarker';
import type { ExportFormat } from '../core/export/exportTypes';

/** Undefined when the output may be written, else the sentence saying why `--force` is needed. */
export async function overwriteRefusal(format: ExportFormat, out: string): Promise<string | undefined> {
  return overwriteRefusalOf(format, out, await existingOutput(format, out));
}

async function existingOutput(format: ExportFormat, out: string): Promise<ExistingOutput> {
  const existing = await fs.lstat(out).catch(() => undefined);
  if (existing === undefined) return undefined;
  if (existing.isDirectory()) {
    // Only a brat export looks inside a folder.
    if (format !== 'brat') return { kind: 'folder', names: [], annotationConf: undefined };
    const names = await fs.readdir(out).catch(() => [] as string[]);
    return { kind: 'folder', names, annotationConf: names.length === 0 ? undefined : await readHead(path.join(out, 'annotation.conf')) };
  }
  if (!existing.isFile()) return { kind: 'other' };
  return { kind: 'file', head: format === 'brat' ? undefined : await readHead(out) };
}

async function readHead(file: string): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(exportHeadBytes);
    const { bytesRead } = await handle.read(buffer, 0, exportHeadBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
