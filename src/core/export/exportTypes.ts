/** What every exporter takes and gives back. Exporters are pure: the caller writes the files. */
import type { CorpusDocument } from '../corpus/loadCorpus';
import type { Problem } from '../problem';
import type { ProjectConfig } from '../project';

export const exportFormats = ['yaml', 'jsonl', 'spacy', 'brat', 'conll'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** How offsets are counted in a JSONL export: code points (Python, spaCy) or UTF-16 (doccano's web page). */
export type OffsetUnit = 'codepoint' | 'utf16';

export interface ExportInput {
  /** The documents to export, in the order they are to be written. */
  documents: readonly CorpusDocument[];
  config: ProjectConfig;
  offsets?: OffsetUnit;
  /** yaml only: also each document's `suggestions` (open and rejected, as in the sidecar). */
  withSuggestions?: boolean;
}

/**
 * A file of the export: its content, its content piece by piece (`chunks` is called once, by the
 * writer, so a long document is never held as one string), or a byte-for-byte copy of a corpus file.
 */
export type ExportFile = { path: string; content: string } | { path: string; chunks: () => Iterable<string> } | { path: string; copyOf: string };

export interface ExportOutput {
  /**
   * `file`: one file (yaml, jsonl, spacy, conll), `files[0]` with path '' stands for the output
   * path itself. `folder`: files at paths relative to the output folder (brat).
   */
  layout: 'file' | 'folder';
  files: ExportFile[];
  /** Things the format could not express, with the file and line they concern. */
  warnings: Problem[];
  documents: number;
  /** Annotations written (after any the format had to leave out). */
  annotations: number;
  /** Facts a reader of the export needs: the tokenizer, reductions made, and so on. */
  notes: string[];
  /** The format written; the writer replaces an existing output only if it is an export of this format. */
  format?: ExportFormat;
}

export type Exporter = (input: ExportInput) => ExportOutput;

/**
 * The output of a one-file format: its lines, each ended by LF, made as the writer asks for them,
 * and what the caller reports (worked out before any line is made).
 */
export function singleFileOutput(lines: () => Iterable<string>, report: Pick<ExportOutput, 'warnings' | 'documents' | 'annotations' | 'notes'>): ExportOutput {
  return { layout: 'file', files: [{ path: '', chunks: () => endLines(lines()) }], ...report };
}

function* endLines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

/** The whole text of a file of the export (for small exports and tests; the writer streams). */
export function exportFileText(file: ExportFile): string | undefined {
  if ('content' in file) return file.content;
  if ('chunks' in file) return Array.from(file.chunks()).join('');
  return undefined;
}
