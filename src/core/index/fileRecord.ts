/**
 * One corpus file as the index keeps it: a few summary fields, and its annotations as columns
 * (typed arrays and one string of snippet context) rather than one object per annotation, so a
 * million annotations cost tens of megabytes, not hundreds. Types and texts are form numbers
 * (entityTable.ts), shared by every mention of the same (type, text).
 */
import type { SidecarStatus } from '../sidecar/model';
import { fileStatus } from '../corpus/fileStatus';
import type { FileStamp, IndexAnnotation, IndexEntry, IndexSuggestion } from './indexEntry';
import { ownString } from '../text/ownString';

export type FileState = 'untouched' | 'in-progress' | 'done' | 'problem';
export const fileStates: readonly FileState[] = ['untouched', 'in-progress', 'done', 'problem'];

export interface FileMeta {
  readonly hasSidecar: boolean;
  readonly status: SidecarStatus;
  readonly problems: number;
  readonly unreadable: boolean;
  readonly orphans: number;
  /** Open suggestions (absent when there are none): few per file, kept as they are. */
  readonly suggestions?: readonly IndexSuggestion[];
  /** The text changed since the sidecar's offsets were written: they wait to be settled. */
  readonly stale?: boolean;
  /** Relations per type; absent when the file has none. */
  readonly relationTypes?: Readonly<Record<string, number>>;
  readonly sidecarStamp: FileStamp | null | undefined;
  readonly textStamp: FileStamp | null | undefined;
  /** When the files were read (ms since the epoch), if known: see indexCache.ts on racy entries. */
  readonly readAt?: number;
}

export interface AnnotationColumns {
  readonly ids: readonly string[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly forms: Int32Array;
  /** Notes by annotation index; most annotations have none. */
  readonly notes: ReadonlyMap<number, string> | undefined;
  /** Every annotation's snippet context, before then after, one after another. */
  readonly context: string;
  /** Where each annotation's context starts in `context`, and how long its "before" part is (UTF-16 units). */
  readonly contextStarts: Uint32Array;
  readonly beforeLengths: Uint8Array;
}

export class FileRecord {
  constructor(
    readonly id: number,
    public path: string,
    readonly meta: FileMeta,
    readonly columns: AnnotationColumns,
  ) {}

  get count(): number {
    return this.columns.forms.length;
  }

  get state(): FileState {
    return fileState(this.meta, this.count);
  }

  /** The snippet context of annotation `index`: up to one line's worth on each side. */
  context(index: number): { before: string; after: string } {
    const { context, contextStarts, beforeLengths } = this.columns;
    const start = contextStarts[index];
    const middle = start + beforeLengths[index];
    const end = index + 1 < contextStarts.length ? contextStarts[index + 1] : context.length;
    return { before: context.slice(start, middle), after: context.slice(middle, end) };
  }
}

/** Problems first (they need a person), then the file's status by the one definition (fileStatus.ts). */
export function fileState(meta: FileMeta, count: number): FileState {
  if (meta.unreadable || meta.problems > 0 || meta.orphans > 0) return 'problem';
  return fileStatus(meta.status, count);
}

export function metaOf(entry: IndexEntry): FileMeta {
  return {
    hasSidecar: entry.hasSidecar,
    status: entry.status,
    problems: entry.problems,
    unreadable: entry.unreadable,
    orphans: entry.orphans,
    ...(entry.suggestions !== undefined && entry.suggestions.length > 0 ? { suggestions: entry.suggestions } : {}),
    ...(entry.stale ? { stale: true } : {}),
    ...(entry.relationTypes ? { relationTypes: entry.relationTypes } : {}),
    sidecarStamp: entry.sidecarStamp,
    textStamp: entry.textStamp,
    ...(entry.readAt !== undefined ? { readAt: entry.readAt } : {}),
  };
}

/** Code points of context kept on each side of a mention for its snippet. */
export const snippetContext = 24;

/** What numbers the forms: the index's entity table, or a run's own numbering (packedRun.ts). */
export interface FormInterner {
  internForm(type: string, text: string): number;
}

/** Interns the annotations' forms and lays them out as columns. */
export function columnsOf(annotations: readonly IndexAnnotation[], table: FormInterner): AnnotationColumns {
  const count = annotations.length;
  const ids: string[] = new Array<string>(count);
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const forms = new Int32Array(count);
  const contextStarts = new Uint32Array(count);
  const beforeLengths = new Uint8Array(count);
  let notes: Map<number, string> | undefined;
  const parts: string[] = [];
  let length = 0;
  annotations.forEach((annotation, index) => {
    ids[index] = ownString(annotation.id);
    starts[index] = annotation.start;
    ends[index] = annotation.end;
    forms[index] = table.internForm(annotation.type, annotation.text);
    if (annotation.note !== undefined) (notes ??= new Map()).set(index, ownString(annotation.note));
    const before = snippetBefore(annotation.prefix ?? '');
    const after = snippetAfter(annotation.suffix ?? '');
    contextStarts[index] = length;
    beforeLengths[index] = before.length;
    parts.push(before, after);
    length += before.length + after.length;
  });
  return { ids, starts, ends, forms, notes, context: parts.join(''), contextStarts, beforeLengths };
}

function isLineBreak(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d || unit === 0x85 || unit === 0x2028 || unit === 0x2029;
}

/**
 * What makes a cut by UTF-16 units differ from a cut by code points on the mention's line: a
 * line break or a surrogate. Most contexts have neither near the mention, and then the plain cut
 * is the snippet, found without a loop per character (those loops were 6% of reading an index in
 * one thread).
 */
const unusualNearMention = /[\n\r\u0085\u2028\u2029\ud800-\udfff]/;

/** The end of a prefix on the mention's own line, at most `snippetContext` code points. */
export function snippetBefore(prefix: string): string {
  const tail = prefix.length <= snippetContext ? prefix : prefix.slice(prefix.length - snippetContext);
  if (!unusualNearMention.test(tail)) return tail;
  let cut = prefix.length;
  let points = 0;
  while (cut > 0 && points < snippetContext) {
    const unit = prefix.charCodeAt(cut - 1);
    const width = isLowSurrogate(unit) && cut >= 2 && isHighSurrogate(prefix.charCodeAt(cut - 2)) ? 2 : 1;
    if (isLineBreak(unit)) break;
    cut -= width;
    points++;
  }
  return prefix.slice(cut);
}

/** The start of a suffix on the mention's own line, at most `snippetContext` code points. */
export function snippetAfter(suffix: string): string {
  const head = suffix.length <= snippetContext ? suffix : suffix.slice(0, snippetContext);
  if (!unusualNearMention.test(head)) return head;
  let cut = 0;
  let points = 0;
  while (cut < suffix.length && points < snippetContext) {
    if (isLineBreak(suffix.charCodeAt(cut))) break;
    const width = isHighSurrogate(suffix.charCodeAt(cut)) && isLowSurrogate(suffix.charCodeAt(cut + 1)) ? 2 : 1;
    cut += width;
    points++;
  }
  return suffix.slice(0, cut);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
