/**
 * The data of one sidecar file (`article.txt.ann.yaml`), as the core works with it. The file
 * format itself is described in docs/sidecar-format.md; this module only names its parts.
 */
import type { Newline } from '../text/decodeText';

/** The format marker every sidecar starts with; the number changes only on breaking changes. */
export const sidecarFormat = 'news-annotator/1';

export const sidecarStatuses = ['untouched', 'in-progress', 'done'] as const;
export type SidecarStatus = (typeof sidecarStatuses)[number];

export const newlineStyles: readonly Newline[] = ['lf', 'crlf', 'mixed', 'none'];

/** Values of fields this version does not know, kept so that writing the file loses nothing. */
export type Extra = Record<string, unknown>;

export interface Annotation {
  /** Stable id, unique within the file (random, so two git branches never mint the same one). */
  id: string;
  /** Entity type, e.g. `PERSON`; checked against the project's list of types. */
  type: string;
  /** Code-point offsets into the decoded text; `end` is exclusive. */
  start: number;
  end: number;
  /**
   * The exact text between `start` and `end`; for a discontinuous span, the text of each
   * fragment joined by `fragmentSeparator` (one space, as brat writes it).
   */
  text: string;
  /**
   * A discontinuous span: code-point ranges `[start, end]`, in order, not overlapping, not
   * touching, at least two. `start`/`end` above are then the first start and the last end.
   */
  fragments?: Fragment[];
  note?: string;
  /** Binary attributes (present or not) have the value `true`; valued ones a string. */
  attributes?: Record<string, AttributeValue>;
  /** Knowledge-base ids, `prefix:id` (e.g. `wikidata:Q1365697`), in the order written. */
  links?: string[];
  annotator?: string;
  /** ISO 8601 time the annotation was made, e.g. `2026-11-24T20:00:00Z`. */
  created?: string;
  /** Up to 32 code points before and after the span, used to find it again when the text changes. */
  prefix?: string;
  suffix?: string;
  extra?: Extra;
}

/** One piece of a discontinuous span: code-point `[start, end]`, end exclusive. */
export type Fragment = [number, number];

/** What joins the fragments' texts in `Annotation.text`: Python's `' '.join(text[s:e] for s, e in fragments)`. */
export const fragmentSeparator = ' ';

/** A binary attribute is `true`; a valued one holds its value. */
export type AttributeValue = string | true;

/**
 * A typed, directed link between two annotations of the same file (`from` and `to` are their
 * ids). Events are annotations too; each role of an event is a relation from the event's trigger
 * annotation to the argument, typed with the role's name.
 */
export interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  /**
   * True for an event's argument: `from` is the event (its trigger annotation), `type` the role
   * (brat's `E1<TAB>Meeting:T3 Participant:T1`). Other relations leave it out.
   */
  role?: true;
  note?: string;
  annotator?: string;
  created?: string;
  extra?: Extra;
}

export interface SidecarSource {
  /** File name (no folder) of the text the offsets refer to. */
  file: string;
  /** Lowercase hex SHA-256 of the text file's bytes when the offsets were last made valid. */
  sha256: string;
  /** Always `codepoint`: offsets count Unicode code points. */
  unit: 'codepoint';
  /** Always `utf-8`. */
  encoding: 'utf-8';
  /** Whether the text file starts with a byte-order mark (which offsets do not count). */
  bom: boolean;
  newline: Newline;
  extra?: Extra;
}

export interface Sidecar {
  format: string;
  source: SidecarSource;
  status: SidecarStatus;
  annotations: Annotation[];
  /** Absent (or empty) when the file has no relations; the writer then writes no `relations` key. */
  relations?: Relation[];
  /** Absent (or empty) when the file has no suggestions; the writer then writes no `suggestions` key. */
  suggestions?: Suggestion[];
  extra?: Extra;
}

/**
 * A suggested tag: a span some source (a gazetteer, the corpus's own tags) proposes, kept in the
 * sidecar's `suggestions:` list until the annotator accepts it (it becomes an annotation) or
 * rejects it (it stays, marked, so the next `suggest` run does not bring it back). Exports never
 * carry suggestions; they are not annotations.
 */
export interface Suggestion {
  id: string;
  type: string;
  /** Code-point offsets into the decoded text, as for annotations; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  /** Where it came from: `gazetteer:<file name>` or `tags` (the corpus's own tags). */
  source: string;
  /** How sure the source is, 0..1: 1 for a gazetteer; for tags, the share of this name's tags that have this type. */
  score: number;
  /** A knowledge-base id the gazetteer gave for the name. */
  link?: string;
  /** Ids of annotations (of other types or bounds) the span overlaps. */
  overlaps?: string[];
  /** Set when the annotator rejected it: never drawn again, never suggested again. */
  rejected?: true;
  extra?: Extra;
}

/** Where something is in the sidecar file: 1-based line, 1-based column counting code points. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Where an annotation entry is written, kept beside the data (never serialised) so problems can
 * point at it. `fields` holds the position of each field's value when the reader knows them; for
 * a canonical one-line entry the columns follow from the canonical layout instead.
 */
export interface EntryPosition extends SourcePosition {
  readonly fields?: Readonly<Record<string, SourcePosition>>;
}

/** Annotation keys in the order the canonical writer puts them. Unknown keys follow, sorted. */
export const annotationKeyOrder = [
  'id',
  'type',
  'start',
  'end',
  'text',
  'fragments',
  'note',
  'attributes',
  'links',
  'annotator',
  'created',
  'prefix',
  'suffix',
] as const;

/** Relation keys in the order the canonical writer puts them. Unknown keys follow, sorted. */
export const relationKeyOrder = ['id', 'type', 'from', 'to', 'role', 'note', 'annotator', 'created'] as const;

/** Suggestion keys in the order the canonical writer puts them. Unknown keys follow, sorted. */
export const suggestionKeyOrder = ['id', 'type', 'start', 'end', 'text', 'source', 'score', 'link', 'overlaps', 'rejected'] as const;

export const sourceKeyOrder = ['file', 'sha256', 'unit', 'encoding', 'bom', 'newline'] as const;

export const topLevelKeyOrder = ['format', 'source', 'status', 'annotations', 'relations', 'suggestions'] as const;

/** Line ending a sidecar is written with: LF, or CRLF to keep a file git checked out that way. */
export type LineEnding = 'lf' | 'crlf';
