/**
 * The index saved between sessions as one JSON string, so a warm start stats the files and reads
 * one cache file instead of parsing every sidecar. Each file's entry is keyed by the (size, mtime)
 * of its sidecar and text when they were read; an entry is reused only while both still match,
 * and only after checking its shape. A cache of another format, version or fingerprint, or one
 * that is not valid JSON, is ignored: never trusted blindly, never thrown.
 *
 * Layout: {format, version, fingerprint, types[], formTypes[], formTexts[], files[]}
 * where each file is a positional array (see `Slot`) with its annotations as columns: ids, start
 * deltas, lengths, form numbers, [index, note] pairs, one context string and its split lengths.
 */
import { sidecarStatuses, type SidecarStatus } from '../sidecar/model';
import type { CorpusIndex } from './corpusIndex';
import type { AnnotationColumns, FileMeta, FileRecord } from './fileRecord';
import type { FileStamp, IndexSuggestion } from './indexEntry';
import { validColumns, type CachedColumns } from './validateCacheEntry';

export const indexCacheFormat = 'news-annotator/index-cache';
// 2: each file also keeps its open suggestions; 3: and its relations per type (the Relations slot).
export const indexCacheVersion = 3;

/** Positions in a file's array, and its length. */
const Slot = {
  Path: 0, Sidecar: 1, Text: 2, Status: 3, Problems: 4, Unreadable: 5, Orphans: 6,
  Ids: 7, Starts: 8, Lengths: 9, Forms: 10, Notes: 11, Context: 12, Splits: 13, Suggestions: 14, Relations: 15, Size: 16,
} as const;

/**
 * A file read within this many ms of its last change may have changed again in the same mtime
 * tick without its stamp showing it (git's "racily clean" problem): such entries are not cached.
 */
export const racyWindowMs = 2000;

export function serializeIndexCache(index: CorpusIndex, fingerprint = ''): string {
  const table = index.table;
  const typeSlots = new Map<number, number>();
  const formSlots = new Map<number, number>();
  const types: string[] = [];
  const formTypes: number[] = [];
  const formTexts: string[] = [];
  const slotOfForm = (form: number): number => {
    let slot = formSlots.get(form);
    if (slot === undefined) {
      const typeId = table.formTypeId(form);
      let typeSlot = typeSlots.get(typeId);
      if (typeSlot === undefined) {
        typeSlot = types.push(table.typeName(typeId)) - 1;
        typeSlots.set(typeId, typeSlot);
      }
      slot = formTypes.push(typeSlot) - 1;
      formTexts.push(table.formTextOf(form));
      formSlots.set(form, slot);
    }
    return slot;
  };
  // One JSON piece per file, joined at the end: no single giant object tree to stringify.
  const files: string[] = [];
  for (const record of index.records()) {
    if (!cacheable(record.meta)) continue;
    files.push(JSON.stringify(fileSlots(record, slotOfForm)));
  }
  const head = JSON.stringify({ format: indexCacheFormat, version: indexCacheVersion, fingerprint, types, formTypes, formTexts });
  return `${head.slice(0, -1)},"files":[${files.join(',')}]}`;
}

function fileSlots(record: FileRecord, slotOfForm: (form: number) => number): unknown[] {
  const { meta, columns } = record;
  const { contextStarts, beforeLengths } = columns;
  const count = columns.starts.length;
  const starts: number[] = new Array<number>(count);
  const lengths: number[] = new Array<number>(count);
  const forms: number[] = new Array<number>(count);
  // Each mention's context split as lengths before and after it, read off the columns as
  // FileRecord.context lays them out (slicing the two strings only to measure them made three
  // objects per mention; the layout is not shared as a function because every byte of the
  // browser bundle, which holds FileRecord, is counted).
  const splits: number[] = new Array<number>(2 * count);
  let previous = 0;
  for (let index = 0; index < count; index++) {
    const start = columns.starts[index];
    starts[index] = start - previous;
    lengths[index] = columns.ends[index] - start;
    previous = start;
    forms[index] = slotOfForm(columns.forms[index]);
    const contextEnd = index + 1 < count ? contextStarts[index + 1] : columns.context.length;
    splits[2 * index] = beforeLengths[index];
    splits[2 * index + 1] = contextEnd - contextStarts[index] - beforeLengths[index];
  }
  const notes = columns.notes ? [...columns.notes] : [];
  return [
    record.path, stampSlot(meta.sidecarStamp), stampSlot(meta.textStamp), meta.status, meta.problems, meta.unreadable ? 1 : 0, meta.orphans,
    columns.ids, starts, lengths, forms, notes, columns.context, splits,
    (meta.suggestions ?? []).map(({ id, type, start, end, text }) => [id, type, start, end, text]),
    meta.relationTypes ?? null,
  ];
}

/** Stamps known, and not taken too soon after a change to be sure of. */
function cacheable(meta: FileMeta): boolean {
  const { sidecarStamp, textStamp, readAt } = meta;
  if (sidecarStamp === undefined || textStamp === undefined) return false;
  if (readAt === undefined) return true;
  return [sidecarStamp, textStamp].every((stamp) => stamp === null || stamp.mtimeMs < readAt - racyWindowMs);
}

function stampSlot(stamp: FileStamp | null | undefined): [number, number] | null {
  return stamp ? [stamp.size, stamp.mtimeMs] : null;
}

export class IndexCache {
  private readonly files = new Map<string, unknown[]>();
  /** Cache form slot -> the index's form id (-1: none yet), checked before each reuse. */
  private readonly forms: Int32Array;

  private constructor(
    private readonly types: readonly string[],
    private readonly formTypes: readonly number[],
    private readonly formTexts: readonly string[],
    files: readonly unknown[],
  ) {
    this.forms = new Int32Array(formTexts.length).fill(-1);
    for (const file of files) {
      if (!Array.isArray(file) || file.length !== Slot.Size) continue;
      const path: unknown = file[Slot.Path];
      if (typeof path === 'string') this.files.set(path, file);
    }
  }

  /** The cache in `text`, or undefined when it is missing, damaged, or of another format or fingerprint. */
  static parse(text: string | undefined, fingerprint = ''): IndexCache | undefined {
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof value !== 'object' || value === null) return undefined;
    const cache = value as Record<string, unknown>;
    if (cache.format !== indexCacheFormat || cache.version !== indexCacheVersion || cache.fingerprint !== fingerprint) return undefined;
    const { types, formTypes, formTexts, files } = cache;
    if (!isStrings(types) || !isStrings(formTexts) || !Array.isArray(formTypes) || !Array.isArray(files)) return undefined;
    if (formTypes.length !== formTexts.length || !formTypes.every((slot) => Number.isInteger(slot) && slot >= 0 && slot < types.length)) return undefined;
    return new IndexCache(types, formTypes as number[], formTexts, files);
  }

  get size(): number {
    return this.files.size;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Whether the cached entry of `path` was made from files with these stamps (null: missing or not checked). */
  isCurrent(path: string, sidecar: FileStamp | null, text: FileStamp | null): boolean {
    const file = this.files.get(path);
    if (!file) return false;
    return sameStamp(file[Slot.Sidecar], sidecar) && sameStamp(file[Slot.Text], text);
  }

  /** Puts the cached entry of `path` into the index; false (index untouched) when it is missing or damaged. */
  restore(index: CorpusIndex, path: string): boolean {
    const file = this.files.get(path);
    const meta = file && metaOf(file);
    const columns = file && meta && validColumns(file.slice(Slot.Ids, Slot.Suggestions) as CachedColumns, this.formTexts.length);
    if (!meta || !columns) {
      this.files.delete(path);
      return false;
    }
    index.setColumns(path, meta, (table) => {
      // A plain loop: Int32Array.from with a mapping function went through the iterator protocol.
      const slots = columns.forms;
      const forms = new Int32Array(slots.length);
      for (let at = 0; at < slots.length; at++) {
        const slot = slots[at];
        const type = this.types[this.formTypes[slot]];
        const text = this.formTexts[slot];
        const known = this.forms[slot];
        // A form id remembered from an earlier file may have been released and reused since.
        if (known >= 0 && table.formTextOf(known) === text && table.formTypeName(known) === type) {
          forms[at] = known;
          continue;
        }
        const form = table.internForm(type, text);
        this.forms[slot] = form;
        forms[at] = form;
      }
      return { ...columns, forms } satisfies AnnotationColumns;
    });
    return true;
  }
}

function metaOf(file: unknown[]): FileMeta | undefined {
  const sidecarStamp = stampOf(file[Slot.Sidecar]);
  const textStamp = stampOf(file[Slot.Text]);
  const status = file[Slot.Status];
  const problems = file[Slot.Problems];
  const orphans = file[Slot.Orphans];
  const unreadable = file[Slot.Unreadable];
  if (sidecarStamp === undefined || textStamp === undefined) return undefined;
  const relationTypes = file[Slot.Relations];
  if (!sidecarStatuses.includes(status as SidecarStatus) || !isCount(problems) || !isCount(orphans) || (unreadable !== 0 && unreadable !== 1)) return undefined;
  const suggestions = suggestionsOf(file[Slot.Suggestions]);
  if (suggestions === undefined) return undefined;
  const relations = relationTypes === null ? undefined : relationCounts(relationTypes);
  if (relationTypes !== null && relations === undefined) return undefined;
  return {
    hasSidecar: sidecarStamp !== null,
    status: status as SidecarStatus,
    problems,
    orphans,
    unreadable: unreadable === 1,
    ...(suggestions.length > 0 ? { suggestions } : {}),
    sidecarStamp,
    textStamp,
    ...(relations ? { relationTypes: relations } : {}),
  };
}

/** The cached open suggestions ([id, type, start, end, text] each); undefined when damaged. */
function suggestionsOf(value: unknown): IndexSuggestion[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const suggestions: IndexSuggestion[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 5) return undefined;
    const [id, type, start, end, text] = item as unknown[];
    if (typeof id !== 'string' || typeof type !== 'string' || typeof text !== 'string' || !isCount(start) || !isCount(end) || end < start) return undefined;
    suggestions.push({ id, type, start, end, text });
  }
  return suggestions;
}

/** A cached `{type: count}` object, checked entry by entry; undefined when it is anything else. */
function relationCounts(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || !entries.every(([, count]) => isCount(count) && (count) > 0)) return undefined;
  return Object.fromEntries(entries) as Record<string, number>;
}

function stampOf(value: unknown): FileStamp | null | undefined {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [size, mtimeMs] = value as unknown[];
  return typeof size === 'number' && typeof mtimeMs === 'number' && Number.isFinite(size) && Number.isFinite(mtimeMs) ? { size, mtimeMs } : undefined;
}

function sameStamp(cached: unknown, current: FileStamp | null): boolean {
  const stamp = stampOf(cached);
  if (stamp === undefined) return false;
  if (stamp === null || current === null) return stamp === current;
  return stamp.size === current.size && stamp.mtimeMs === current.mtimeMs;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
