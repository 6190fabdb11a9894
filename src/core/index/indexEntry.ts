/**
 * What the index is told about one corpus file, and how to make that from the file's sidecar.
 * Building an entry needs only the sidecar: snippets come from each annotation's stored
 * prefix and suffix, and line numbers are worked out later, from the text, when shown (lineOf.ts).
 */
import type { Sidecar, SidecarStatus } from '../sidecar/model';
import { parseSidecar, type ParseOptions } from '../sidecar/parseSidecar';
import { validateSidecar } from '../sidecar/validateSidecar';
import type { LoadResult } from '../store/sidecarStore';
import { anchorAnnotations } from '../store/anchorAnnotations';
import { CodePointIndex } from '../text/codePoints';
import type { DecodedText } from '../text/decodeText';
import type { Problem } from '../problem';
import { ownString } from '../text/ownString';

export interface IndexAnnotation {
  readonly id: string;
  readonly type: string;
  /** Code-point offsets; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly note?: string;
  /** The stored context (sidecar `prefix`/`suffix`): the snippet around the mention. */
  readonly prefix?: string;
  readonly suffix?: string;
}

/** An open (not rejected) suggestion, as the Corpus view counts and Search Tags (`is:suggestion`) finds them. */
export interface IndexSuggestion {
  readonly id: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The open suggestions of a sidecar's list, as the index keeps them (undefined when there are none). */
export function openIndexSuggestions(suggestions: readonly { id: string; type: string; start: number; end: number; text: string; rejected?: boolean }[] | undefined): IndexSuggestion[] | undefined {
  const open = (suggestions ?? []).filter((suggestion) => suggestion.rejected !== true).map(({ id, type, start, end, text }) => ({ id: ownString(id), type, start, end, text: ownString(text) }));
  return open.length > 0 ? open : undefined;
}

/** Size and modification time of a file: what the cache compares to know an entry is current. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export interface IndexEntry {
  /** False for a corpus file nobody has tagged yet (no sidecar). */
  readonly hasSidecar: boolean;
  readonly status: SidecarStatus;
  readonly annotations: readonly IndexAnnotation[];
  /** Errors found in the sidecar (the Problems panel has the details). */
  readonly problems: number;
  /** The sidecar could not be read at all, so none of it is indexed. */
  readonly unreadable: boolean;
  /** Annotations that the current text holds only approximately or not at all. */
  readonly orphans: number;
  /** Open suggestions (absent when there are none). */
  readonly suggestions?: readonly IndexSuggestion[];
  /** The text was checked and differs from the one the offsets were written for. */
  readonly stale?: boolean;
  /** Relations per type (the Tags view's Relations group); absent when the file has none. */
  readonly relationTypes?: Readonly<Record<string, number>>;
  /** The sidecar as read: null when there is none, undefined when not known (never cached then). */
  readonly sidecarStamp?: FileStamp | null;
  /** The text as checked for orphans: null when not checked. */
  readonly textStamp?: FileStamp | null;
  /** When the files were read (ms since the epoch): entries read right after a change are not cached. */
  readonly readAt?: number;
}

export interface EntryOptions {
  /** The project's entity types: other types count as problems. Undefined allows any type. */
  knownTypes?: ReadonlySet<string>;
  /** The decoded text: when its hash differs from the sidecar's, annotations are re-anchored to count orphans. */
  text?: DecodedText;
  sidecarStamp?: FileStamp | null;
  textStamp?: FileStamp | null;
  readAt?: number;
  parse?: ParseOptions;
}

/** The entry of a corpus file without a sidecar. */
export function untaggedEntry(sidecarStamp: FileStamp | null | undefined = null, textStamp: FileStamp | null | undefined = null): IndexEntry {
  return { hasSidecar: false, status: 'untouched', annotations: [], problems: 0, unreadable: false, orphans: 0, sidecarStamp, textStamp };
}

/** The entry of a sidecar that could not be read (not UTF-8, an I/O error): a problem, nothing indexed. */
export function unreadableEntry(problems: number, options: Pick<EntryOptions, 'sidecarStamp' | 'textStamp' | 'readAt'> = {}): IndexEntry {
  return {
    hasSidecar: true,
    status: 'untouched',
    annotations: [],
    problems: Math.max(1, problems),
    unreadable: true,
    orphans: 0,
    sidecarStamp: options.sidecarStamp,
    textStamp: options.textStamp,
    ...(options.readAt !== undefined ? { readAt: options.readAt } : {}),
  };
}

/**
 * The entry of one file from its sidecar's content (undefined: there is no sidecar). Never throws:
 * an unreadable sidecar gives an entry flagged `unreadable`; a partly readable one keeps what
 * could be read and counts the rest as problems.
 */
export function entryFromSidecar(content: string | undefined, sidecarPath: string, options: EntryOptions = {}): IndexEntry {
  if (content === undefined) return untaggedEntry(options.sidecarStamp, options.textStamp);
  const parsed = parseSidecar(content, sidecarPath, options.parse);
  if (!parsed.ok) return unreadableEntry(errors(parsed.problems), options);
  const { sidecar } = parsed;
  const checks = validateSidecar(sidecar, parsed.positions, undefined, options.knownTypes, sidecarPath);
  let orphans = 0;
  if (options.text !== undefined) {
    // As the store anchors them: an unchanged text is only checked; a changed one is searched,
    // every annotation at once, since each one's neighbours are evidence for where it moved.
    const anchors = anchorAnnotations(sidecar, new CodePointIndex(options.text.text), options.text.sha256);
    orphans = anchors.filter((anchor) => anchor.kind === 'orphan' || anchor.kind === 'fuzzy').length;
  }
  return {
    hasSidecar: true,
    status: sidecar.status,
    annotations: sidecar.annotations,
    problems: errors(parsed.problems) + errors(checks),
    unreadable: false,
    orphans,
    ...withSuggestions(openIndexSuggestions(sidecar.suggestions)),
    ...relationCounts(sidecar),
    ...(options.text !== undefined && options.text.sha256 !== sidecar.source.sha256 ? { stale: true } : {}),
    sidecarStamp: options.sidecarStamp,
    textStamp: options.textStamp,
    ...(options.readAt !== undefined ? { readAt: options.readAt } : {}),
  };
}

/**
 * The entry of a file the editor has just loaded through the store, which has already re-anchored
 * it: moved annotations are indexed where they are now. No stamps, so the cache will re-read it.
 */
export function entryFromLoad(result: LoadResult): IndexEntry {
  if (!result.ok) return unreadableEntry(errors(result.problems));
  if (result.version === undefined) return untaggedEntry();
  let orphans = 0;
  const annotations = result.sidecar.annotations.map((annotation, index) => {
    const anchor = result.anchors[index];
    if (anchor === undefined || anchor.kind === 'exact') return annotation;
    if (anchor.kind === 'moved') return { ...annotation, start: anchor.start, end: anchor.end };
    orphans++;
    return annotation;
  });
  return {
    hasSidecar: true,
    status: result.sidecar.status,
    annotations,
    // Offsets that do not hold their text are what anchoring settles: counted as moved or as
    // orphans (invalid offsets in an unchanged text are orphans too, never searched for).
    problems: errors(result.problems.filter((item) => !anchoringCodes.has(item.code))),
    unreadable: false,
    ...withSuggestions(openIndexSuggestions(result.sidecar.suggestions)),
    orphans,
    ...relationCounts(result.sidecar),
  };
}

/** `{ relationTypes }` with the sidecar's relations counted per type, or nothing when it has none. */
function relationCounts(sidecar: Sidecar): { relationTypes?: Record<string, number> } {
  if ((sidecar.relations ?? []).length === 0) return {};
  const relationTypes: Record<string, number> = {};
  for (const relation of sidecar.relations ?? []) relationTypes[relation.type] = (relationTypes[relation.type] ?? 0) + 1;
  return { relationTypes };
}

const anchoringCodes: ReadonlySet<string> = new Set(['annotation-orphaned', 'annotation-fuzzy', 'text-mismatch', 'span-out-of-range']);

function errors(problems: readonly Problem[]): number {
  return problems.filter((item) => item.severity === 'error').length;
}

function withSuggestions(suggestions: IndexSuggestion[] | undefined): { suggestions?: IndexSuggestion[] } {
  return suggestions === undefined ? {} : { suggestions };
}
