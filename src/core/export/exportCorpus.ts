/**
 * Chooses the documents to export and runs the exporter for a format. Annotations that could not
 * be placed in the current text (orphaned, or only found approximately after the text changed)
 * are never written at offsets that would slice the wrong text: the yaml export keeps them apart
 * with their old offsets, every other format leaves them out, and each one is reported.
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import { problem, type Problem } from '../problem';
import type { SidecarStatus } from '../sidecar/model';
import { exportBrat } from './bratExport';
import { exportConll } from './conllExport';
import type { ExportFormat, ExportInput, ExportOutput, Exporter } from './exportTypes';
import { exportJsonl } from './jsonlExport';
import { exportSpacy } from './spacyExport';
import { exportYaml } from './yamlExport';

export const exporters: Readonly<Record<ExportFormat, Exporter>> = {
  yaml: exportYaml,
  jsonl: exportJsonl,
  spacy: exportSpacy,
  brat: exportBrat,
  conll: exportConll,
};

export interface DocumentFilter {
  /** Only documents with one of these statuses; all when undefined. */
  statuses?: ReadonlySet<SidecarStatus>;
  /** Also documents without a sidecar file (nothing tagged, nothing looked at). */
  withoutSidecar?: boolean;
}

/** By default, every document that has a sidecar: a file nobody opened is not training data. */
export function selectDocuments(documents: readonly CorpusDocument[], filter: DocumentFilter = {}): CorpusDocument[] {
  return documents.filter(
    (document) => (document.hasSidecar || filter.withoutSidecar === true) && (filter.statuses === undefined || filter.statuses.has(document.status)),
  );
}

export interface CorpusExport extends ExportOutput {
  /** Annotations not exported at their offsets because they are orphaned or fuzzy. */
  unplaced: number;
}

export function exportCorpus(format: ExportFormat, input: ExportInput): CorpusExport {
  const output = exporters[format](input);
  const unplacedWarnings: Problem[] = [];
  for (const document of input.documents) {
    for (const { annotation, kind, position } of document.unplaced) {
      const what = kind === 'orphan' ? 'was not found in the changed text (orphaned)' : 'was only found approximately in the changed text (fuzzy)';
      const fate = format === 'yaml' ? `kept under "${kind === 'orphan' ? 'orphaned' : 'fuzzy'}" with its old offsets` : 'not exported';
      unplacedWarnings.push(
        problem('export-unplaced', `${JSON.stringify(annotation.text)} (${annotation.type}) ${what}: ${fate}; fix it in the editor.`, document.loaded.sidecarPath, position.line, position.column, 'warning'),
      );
    }
  }
  const unplaced = unplacedWarnings.length;
  const notes = [...output.notes];
  if (unplaced > 0) {
    notes.push(
      format === 'yaml'
        ? `${unplaced} orphaned or fuzzy annotation(s) are kept apart (under "orphaned"/"fuzzy") with their old offsets, not in "annotations".`
        : `${unplaced} orphaned or fuzzy annotation(s) were not exported: their place in the current text is unknown.`,
    );
  }
  return { ...output, format, warnings: [...unplacedWarnings, ...output.warnings], notes, unplaced };
}
