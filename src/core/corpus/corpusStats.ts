/**
 * Counts for project leads: how far annotating has got (files per status), what was tagged
 * (annotations per type), by whom (per annotator), and per file. Unplaced annotations (orphaned
 * or only approximately found after the text changed, or with offsets that do not hold their
 * text) are counted apart, and orphans among them: they need a person.
 */
import type { SidecarStatus } from '../sidecar/model';
import { sidecarStatuses } from '../sidecar/model';
import type { CorpusLoad } from './loadCorpus';

export interface FileStats {
  path: string;
  status: SidecarStatus;
  hasSidecar: boolean;
  annotations: number;
  unplaced: number;
  types: Record<string, number>;
}

export interface CorpusStats {
  files: number;
  filesWithSidecar: number;
  /** Files whose text or sidecar could not be read at all (not counted anywhere else). */
  unreadable: number;
  annotations: number;
  unplaced: number;
  /** The unplaced annotations that were not found at all (the rest were found approximately). */
  orphans: number;
  types: Record<string, number>;
  statuses: Record<SidecarStatus, number>;
  /** Annotations per annotator; those without one are counted under "(unknown)". */
  annotators: Record<string, number>;
  perFile: FileStats[];
}

export const unknownAnnotator = '(unknown)';

/** @param typeOrder the project's types, listed first (with 0 when unused) so tables stay stable. */
export function corpusStats(load: CorpusLoad, typeOrder: readonly string[] = []): CorpusStats {
  const types = Object.fromEntries(typeOrder.map((name) => [name, 0])) as Record<string, number>;
  const statuses = Object.fromEntries(sidecarStatuses.map((status) => [status, 0])) as Record<SidecarStatus, number>;
  const annotators: Record<string, number> = {};
  const perFile: FileStats[] = [];
  let annotations = 0;
  let unplaced = 0;
  let orphans = 0;
  for (const document of load.documents) {
    const fileTypes: Record<string, number> = {};
    const all = [...document.placed, ...document.unplaced.map((item) => item.annotation)];
    for (const annotation of all) {
      types[annotation.type] = (types[annotation.type] ?? 0) + 1;
      fileTypes[annotation.type] = (fileTypes[annotation.type] ?? 0) + 1;
      const who = annotation.annotator ?? unknownAnnotator;
      annotators[who] = (annotators[who] ?? 0) + 1;
    }
    statuses[document.status]++;
    annotations += all.length;
    unplaced += document.unplaced.length;
    orphans += document.unplaced.filter((item) => item.kind === 'orphan').length;
    perFile.push({
      path: document.path,
      status: document.status,
      hasSidecar: document.hasSidecar,
      annotations: all.length,
      unplaced: document.unplaced.length,
      types: fileTypes,
    });
  }
  return {
    files: load.documents.length + load.failures.length,
    filesWithSidecar: load.documents.filter((document) => document.hasSidecar).length,
    unreadable: load.failures.length,
    annotations,
    unplaced,
    orphans,
    types,
    statuses,
    annotators,
    perFile,
  };
}
