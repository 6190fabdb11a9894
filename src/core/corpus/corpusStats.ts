/**
 * Counts for project leads: how far annotating has got (files per status), what was tagged
 * (annotations per type), by whom (per annotator), and per file. Unplaced annotations (orphaned
 * or only approximately found after the text changed, or with offsets that do not hold their
 * text) are counted apart, and orphans among them: they need a person.
 */
import { statsOfSummaries, summariseDocument, summariseFailure } from '../index/fileSummary';
import type { SidecarStatus } from '../sidecar/model';
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
  /** Relations per type; present only when the corpus has relations. */
  relations?: Record<string, number>;
  /** Open suggestions (not rejected) waiting in the sidecars; present only when there are any. */
  suggestions?: number;
  perFile: FileStats[];
}

export { unknownAnnotator } from '../index/fileSummary';

/** @param typeOrder the project's types, listed first (with 0 when unused) so tables stay stable. */
export function corpusStats(load: CorpusLoad, typeOrder: readonly string[] = []): CorpusStats {
  // Counted from the per-file summaries, the same way as from the command line's cache.
  return statsOfSummaries([...load.documents.map(summariseDocument), ...load.failures.map(summariseFailure)], typeOrder);
}
