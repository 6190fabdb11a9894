/** Set-up for the import tests: an export's files as a brat folder in memory, and imports into a corpus. */
import { exportFileText, type ExportOutput } from '../../../src/core/export/exportTypes';
import { applyImport, type ImportReport } from '../../../src/core/import/applyImport';
import type { ImportRead } from '../../../src/core/import/importTypes';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';

/** The files of an export, copies of corpus files included, in a memory file system. */
export async function exportedFiles(output: ExportOutput, corpus: MemoryFileSystem): Promise<MemoryFileSystem> {
  const folder = new MemoryFileSystem();
  for (const file of output.files) {
    if ('copyOf' in file) folder.writeFile(file.path, (await corpus.readFile(file.copyOf))!);
    else folder.writeFile(file.path, exportFileText(file)!);
  }
  return folder;
}

export const importTime = new Date('2026-12-01T10:00:00Z');

export async function importInto(corpus: MemoryFileSystem, read: ImportRead, dryRun = false): Promise<ImportReport> {
  return applyImport(read.documents, { corpus, store: new SidecarStore(corpus), dryRun, now: importTime, annotator: 'importer' });
}

/** Every sidecar of a memory corpus, by path. */
export function sidecars(files: MemoryFileSystem): Record<string, string> {
  return Object.fromEntries(files.paths().filter((path) => path.endsWith('.ann.yaml')).map((path) => [path, files.readText(path)!]));
}

export function withoutSidecars(files: MemoryFileSystem): MemoryFileSystem {
  for (const path of files.paths()) if (path.endsWith('.ann.yaml')) files.delete(path);
  return files;
}
