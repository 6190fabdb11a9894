/** What the import readers (brat, doccano JSONL, yaml export) hand to `applyImport`. */
import type { Problem } from '../problem';
import type { Annotation, Extra, Relation, SidecarStatus, SourcePosition } from '../sidecar/model';

export const importFormats = ['yaml', 'brat', 'jsonl'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** A place in an import source file, for problems. */
export interface SourcePlace extends SourcePosition {
  file: string;
}

export interface ImportEntity {
  /**
   * The annotation to add. `id` is '' when the source has none (brat, doccano): a new one is made.
   * `text` is what the source says the span holds; it is checked against the corpus text.
   */
  annotation: Annotation;
  where: SourcePlace;
  /** From the yaml export's `orphaned`/`fuzzy` lists: old offsets, added as they are, unchecked. */
  unplaced?: boolean;
  /** A message for the report when the reader had to convert the offsets (brat's CRLF counting). */
  converted?: string;
  /** The entity's id in the source (brat `T1`, a doccano entity id), which `relations` refer to. */
  key?: string;
}

export interface ImportRelation {
  /** `from` and `to` are source keys of entities of the same document; `id` is '' when the source has none fit to keep. */
  relation: Relation;
  where: SourcePlace;
}

export interface ImportDocument {
  /** Corpus path, relative to the root, with forward slashes. */
  path: string;
  where: SourcePlace;
  /** The text the offsets refer to (no BOM), when the source carries it; else the corpus file must exist. */
  text?: string;
  /** The bytes to write when the corpus has no such file yet. */
  bytes?: Uint8Array;
  entities: ImportEntity[];
  /** Relations between the entities (brat, doccano JSONL); ends the import leaves out are reported. */
  relations?: ImportRelation[];
  /**
   * The fields the source carries (doccano JSONL: type and span). An annotation whose id is
   * already in the sidecar counts as present when these agree; the sidecar's other fields
   * (annotator, time, note) are not in the source, so they cannot differ from it. All fields
   * when undefined (the yaml export carries everything).
   */
  compared?: ReadonlyArray<keyof Annotation>;
  /** yaml only: the sidecar's status and the fields a sidecar keeps beyond its annotations. */
  status?: SidecarStatus;
  sidecarSha256?: string;
  sourceExtra?: Extra;
  extra?: Extra;
}

export interface ImportRead {
  documents: ImportDocument[];
  /** Problems in the import source: lines that cannot be read, spans that do not fit. */
  problems: Problem[];
}
