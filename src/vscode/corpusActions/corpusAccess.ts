import type * as vscode from 'vscode';
import type { ExportFormat, ExportOutput } from '../../core/export/exportTypes';
import type { CorpusOverFiles } from '../../workspace/openCorpusOver';

/**
 * How Validate Corpus and Export Annotations reach a corpus's files: the walled-in local disk on
 * the desktop (src/vscode/node/diskCorpusAccess.ts), `workspace.fs` in the browser
 * (workspaceCorpusAccess.ts). Reading, checking and formatting are shared (src/workspace,
 * src/core/export); only opening and writing differ.
 */
export interface CorpusAccess {
  /** The folder's corpus, or a message when it cannot be used. */
  open(folder: vscode.WorkspaceFolder): Promise<CorpusOverFiles | { error: string }>;
  /** A corpus file as messages that give a command to run on it name it. */
  fullPath(corpus: CorpusOverFiles, relative: string): string;
  /** Where the save dialog starts: beside the folder on disk, inside it where nothing else is writable. */
  exportFolder(folder: vscode.WorkspaceFolder): vscode.Uri;
  /** Undefined when the output may be written, else why it needs replacing on purpose. */
  overwriteRefusal(format: ExportFormat, out: vscode.Uri): Promise<string | undefined>;
  /** Writes the export; returns a message when it is refused or fails. */
  writeExport(output: ExportOutput, target: { out: vscode.Uri; corpus: CorpusOverFiles; force: boolean }): Promise<string | undefined>;
}
