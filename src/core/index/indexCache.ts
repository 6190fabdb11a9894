/**
 * The index saved between sessions as one file, so a warm start stats the files and reads one
 * cache file instead of parsing every sidecar. Each file's entry is keyed by the (size, mtime)
 * of its sidecar and text when they were read; an entry is reused only while both still match,
 * and only after checking its shape. A cache of another format, version or fingerprint, or one
 * that is damaged, is ignored: never trusted blindly, never thrown.
 *
 * Layout: the frame of framedCache.ts (a header length and a marker in the writer's byte order,
 * then the header as JSON: `Header`, the form table, each file's path, and the few files' notes,
 * suggestions and relations), then one row of Float64 numbers per file (`Row`: stamps, status,
 * counts, the sizes of its block), then each file's block of annotation columns
 * (cachedColumns.ts) in header order, 8-byte aligned. The numbers are read back as views
 * without copying and the text decoded only when shown, so a warm start does not pay for
 * JSON-parsing every id, snippet and stamp.
 */
import { sidecarStatuses, type SidecarStatus } from '../sidecar/model';
import { blockLayout, CacheBytes, CachedColumns, EncodedColumns, encodeText, formsAt, readBlock, type BlockHead, type EncodedText, type PlacedBlock, type StoredText } from './cachedColumns';
import { frameOf, readFrame, writeFrame } from './framedCache';
import type { CorpusIndex } from './corpusIndex';
import type { EntityTable } from './entityTable';
import type { FileMeta, FileRecord } from './fileRecord';
import type { FileStamp, IndexSuggestion } from './indexEntry';

export const indexCacheFormat = 'news-annotator/index-cache';
// 2: each file also keeps its open suggestions; 3: and its relations per type (the Relations
// slot); 4: binary columns after a JSON header; 5: each file's numbers in a binary row.
export const indexCacheVersion = 5;

/** The second Uint32 of the file: "NAIX" in the writer's byte order. */
const marker = 0x5849414e;

interface Header {
  format: string;
  version: number;
  fingerprint: string;
  types: string[];
  formTypes: number[];
  formTexts: string[];
  /** Each cached file's path, in the order of the rows and blocks. */
  paths: string[];
  /** [file position, notes as [index, text] pairs, suggestions, relations or null], for the files that have any. */
  extras: unknown[][];
}

/**
 * Positions in a file's row of Float64 numbers, and its length. A missing file's stamp has size
 * -1; status is a position in `sidecarStatuses`; unreadable is 0 or 1; ids and context are each
 * their UTF-16 length, their length in bytes and 1 if stored as UTF-16LE (else 0).
 */
export const Row = {
  SidecarSize: 0, SidecarMtime: 1, TextSize: 2, TextMtime: 3, Status: 4, Problems: 5, Unreadable: 6, Orphans: 7,
  Count: 8, IdsLength: 9, IdsBytes: 10, IdsWide: 11, ContextLength: 12, ContextBytes: 13, ContextWide: 14, Size: 15,
} as const;


/**
 * A file read within this many ms of its last change may have changed again in the same mtime
 * tick without its stamp showing it (git's "racily clean" problem): such entries are not cached.
 */
export const racyWindowMs = 2000;

/** A file's columns ready to be written: its stored text, and its forms as cache slots. */
interface Block {
  readonly columns: FileRecord['columns'];
  readonly slots: Int32Array;
  readonly idEnds: Uint32Array;
  readonly ids: EncodedText;
  readonly context: EncodedText;
}

export function serializeIndexCache(index: CorpusIndex, fingerprint = ''): Uint8Array {
  const table = index.table;
  const typeSlots = new Map<number, number>();
  // Form ids are dense: a slot per id (-1: none yet) is looked up without hashing, once per annotation.
  const formSlots = new Int32Array(table.formIds).fill(-1);
  const types: string[] = [];
  const formTypes: number[] = [];
  const formTexts: string[] = [];
  const slotOfForm = (form: number): number => {
    let slot = formSlots[form];
    if (slot === -1) {
      const typeId = table.formTypeId(form);
      let typeSlot = typeSlots.get(typeId);
      if (typeSlot === undefined) {
        typeSlot = types.push(table.typeName(typeId)) - 1;
        typeSlots.set(typeId, typeSlot);
      }
      slot = formTypes.push(typeSlot) - 1;
      formTexts.push(table.formTextOf(form));
      formSlots[form] = slot;
    }
    return slot;
  };
  const paths: string[] = [];
  const extras: unknown[][] = [];
  const records: FileRecord[] = [];
  const blocks: Block[] = [];
  for (const record of index.records()) {
    if (!cacheable(record.meta)) continue;
    const extra = extrasOf(record);
    if (extra) extras.push([paths.length, ...extra]);
    paths.push(record.path);
    records.push(record);
    blocks.push(blockOf(record, slotOfForm));
  }
  const frame = frameOf({ format: indexCacheFormat, version: indexCacheVersion, fingerprint, types, formTypes, formTexts, paths, extras } satisfies Header);
  const rowsAt = frame.bodyAt;
  let offset = rowsAt + 8 * Row.Size * paths.length;
  const offsets = blocks.map((block) => {
    const at = offset;
    offset += blockLayout(block.slots.length, block.ids.stored.bytes, block.context.stored.bytes).size;
    return at;
  });
  const buffer = new ArrayBuffer(offset);
  const bytes = new Uint8Array(buffer);
  writeFrame(buffer, frame, marker);
  const rows = new Float64Array(buffer, rowsAt, Row.Size * paths.length);
  records.forEach((record, at) => writeRow(rows, at * Row.Size, record, blocks[at]));
  blocks.forEach((block, at) => writeBlock(bytes, offsets[at], block));
  return bytes;
}

function blockOf(record: FileRecord, slotOfForm: (form: number) => number): Block {
  const { columns } = record;
  const count = columns.forms.length;
  const slots = new Int32Array(count);
  for (let index = 0; index < count; index++) slots[index] = slotOfForm(columns.forms[index]);
  if (columns instanceof EncodedColumns) {
    // Read from a cache or adopted from a worker's run, and perhaps never decoded: its stored
    // text goes back as it came.
    return { columns, slots, idEnds: columns.idEnds, ids: columns.storedIds, context: columns.storedContext };
  }
  const idEnds = new Uint32Array(count);
  let idEnd = 0;
  for (let index = 0; index < count; index++) idEnds[index] = idEnd += columns.ids[index].length;
  return { columns, slots, idEnds, ids: encodeText(columns.ids.join('')), context: encodeText(columns.context) };
}

/** A file's notes, suggestions and relations as the header keeps them, or undefined when it has none. */
function extrasOf(record: FileRecord): unknown[] | undefined {
  const { meta, columns } = record;
  const suggestions = meta.suggestions ?? [];
  if (!columns.notes?.size && suggestions.length === 0 && !meta.relationTypes) return undefined;
  return [columns.notes ? [...columns.notes] : [], suggestions.map(({ id, type, start, end, text }) => [id, type, start, end, text]), meta.relationTypes ?? null];
}

function writeRow(rows: Float64Array, at: number, record: FileRecord, block: Block): void {
  const { meta } = record;
  const stamp = (stamp: FileStamp | null | undefined, size: number, mtime: number) => {
    rows[at + size] = stamp ? stamp.size : -1;
    rows[at + mtime] = stamp ? stamp.mtimeMs : 0;
  };
  stamp(meta.sidecarStamp, Row.SidecarSize, Row.SidecarMtime);
  stamp(meta.textStamp, Row.TextSize, Row.TextMtime);
  rows[at + Row.Status] = sidecarStatuses.indexOf(meta.status);
  rows[at + Row.Problems] = meta.problems;
  rows[at + Row.Unreadable] = meta.unreadable ? 1 : 0;
  rows[at + Row.Orphans] = meta.orphans;
  rows[at + Row.Count] = block.slots.length;
  const text = (stored: StoredText, length: number, bytes: number, wide: number) => {
    rows[at + length] = stored.length;
    rows[at + bytes] = stored.bytes;
    rows[at + wide] = stored.wide ? 1 : 0;
  };
  text(block.ids.stored, Row.IdsLength, Row.IdsBytes, Row.IdsWide);
  text(block.context.stored, Row.ContextLength, Row.ContextBytes, Row.ContextWide);
}

function writeBlock(bytes: Uint8Array, offset: number, block: Block): void {
  const { columns, slots } = block;
  const count = slots.length;
  const layout = blockLayout(count, block.ids.stored.bytes, block.context.stored.bytes);
  const at = bytes.byteOffset + offset;
  new Float64Array(bytes.buffer, at, count).set(columns.starts);
  new Float64Array(bytes.buffer, at + layout.ends, count).set(columns.ends);
  new Int32Array(bytes.buffer, at + layout.forms, count).set(slots);
  new Uint32Array(bytes.buffer, at + layout.contextStarts, count).set(columns.contextStarts);
  new Uint32Array(bytes.buffer, at + layout.idEnds, count).set(block.idEnds);
  bytes.set(columns.beforeLengths, offset + layout.beforeLengths);
  bytes.set(block.ids.bytes, offset + layout.ids);
  bytes.set(block.context.bytes, offset + layout.context);
}

/** Stamps known, and not taken too soon after a change to be sure of. */
function cacheable(meta: FileMeta): boolean {
  const { sidecarStamp, textStamp, readAt } = meta;
  if (sidecarStamp === undefined || textStamp === undefined) return false;
  if (readAt === undefined) return true;
  return [sidecarStamp, textStamp].every((stamp) => stamp === null || stamp.mtimeMs < readAt - racyWindowMs);
}

export class IndexCache {
  /** Cache form slot -> the index's form id (-1: none yet), checked before each reuse. */
  private readonly forms: Int32Array;
  /**
   * Cache form slot -> the index's own string for its text: the check before each reuse then
   * compares a string with itself, which V8 answers without reading the characters.
   */
  private readonly formOwnTexts: string[];
  /** The table whose form ids are this cache's slots, and its releases then (see slotsAreIds); null: none. */
  private internedAhead: { table: EntityTable; releases: number } | null | undefined;

  private constructor(
    private readonly bytes: CacheBytes,
    private readonly types: readonly string[],
    private readonly formTypes: readonly number[],
    private readonly formTexts: readonly string[],
    /** Each cached file's position (its row, its block). */
    private readonly files: Map<string, number>,
    /** Where each file's row starts in `bytes.floats`, and where its block starts in the bytes. */
    private readonly rows: number,
    private readonly offsets: Float64Array,
    /** The notes, suggestions and relations of the files that have any, by position. */
    private readonly extras: Map<number, unknown[]>,
  ) {
    this.forms = new Int32Array(formTexts.length).fill(-1);
    this.formOwnTexts = new Array<string>(formTexts.length);
  }

  /** The cache in `bytes`, or undefined when it is missing, damaged, or of another format or fingerprint. */
  static parse(bytes: Uint8Array | undefined, fingerprint = ''): IndexCache | undefined {
    const frame = readFrame(bytes, marker);
    if (frame === undefined) return undefined;
    const { header: cache, bytes: aligned, bodyAt: rowsAt } = frame;
    if (cache.format !== indexCacheFormat || cache.version !== indexCacheVersion || cache.fingerprint !== fingerprint) return undefined;
    const { types, formTypes, formTexts, paths, extras } = cache;
    if (!isStrings(types) || !isStrings(formTexts) || !isStrings(paths) || !Array.isArray(formTypes) || !Array.isArray(extras)) return undefined;
    if (formTypes.length !== formTexts.length || !formTypes.every((slot) => Number.isInteger(slot) && slot >= 0 && slot < types.length)) return undefined;
    let offset = rowsAt + 8 * Row.Size * paths.length;
    if (offset > aligned.length) return undefined;
    const cacheBytes = new CacheBytes(aligned);
    const floats = cacheBytes.floats;
    // Where each block starts follows from the sizes of those before it, so one bad size makes
    // the rest unplaceable: the whole cache is ignored, as it is when the bytes do not add up.
    const files = new Map<string, number>();
    const offsets = new Float64Array(paths.length);
    for (let position = 0; position < paths.length; position++) {
      const block = blockHeadOf(floats, rowsAt / 8 + position * Row.Size);
      if (block === undefined) return undefined;
      files.set(paths[position], position);
      offsets[position] = offset;
      offset += blockLayout(block.count, block.ids.bytes, block.context.bytes).size;
    }
    if (offset !== aligned.length) return undefined;
    const extrasByPosition = new Map<number, unknown[]>();
    for (const extra of extras as unknown[]) {
      if (!Array.isArray(extra) || extra.length !== 4 || !Number.isInteger(extra[0])) return undefined;
      extrasByPosition.set(extra[0] as number, extra);
    }
    return new IndexCache(cacheBytes, types, formTypes as number[], formTexts, files, rowsAt / 8, offsets, extrasByPosition);
  }

  get size(): number {
    return this.files.size;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Whether the cached entry of `path` was made from files with these stamps (null: missing or not checked). */
  isCurrent(path: string, sidecar: FileStamp | null, text: FileStamp | null): boolean {
    const position = this.files.get(path);
    if (position === undefined) return false;
    const row = this.rows + position * Row.Size;
    const floats = this.bytes.floats;
    return sameStamp(floats, row + Row.SidecarSize, sidecar) && sameStamp(floats, row + Row.TextSize, text);
  }

  /** Puts the cached entry of `path` into the index; false (index untouched) when it is missing or damaged. */
  restore(index: CorpusIndex, path: string): boolean {
    const position = this.files.get(path);
    if (position === undefined) return false;
    const row = this.rows + position * Row.Size;
    const floats = this.bytes.floats;
    const extra = this.extras.get(position);
    const head = blockHeadOf(floats, row)!;
    const meta = metaOf(floats, row, extra);
    const notes = extra === undefined ? undefined : notesOf(extra[1], head.count);
    const block = meta && notes !== null && readBlock(this.bytes, this.offsets[position], head, this.formTexts.length);
    if (!block) {
      this.files.delete(path);
      return false;
    }
    index.setColumns(path, meta, (table) => new CachedColumns(block, this.formsOf(block, table), notes));
    return true;
  }

  /** A block's forms as the table's form ids. */
  private formsOf(block: PlacedBlock, table: EntityTable): Int32Array {
    const slots = this.bytes.ints;
    const first = formsAt(block);
    if (this.slotsAreIds(table)) return slots.subarray(first, first + block.head.count);
    const forms = new Int32Array(block.head.count);
    for (let at = 0; at < forms.length; at++) {
      const slot = slots[first + at];
      const type = this.types[this.formTypes[slot]];
      const known = this.forms[slot];
      // A form id remembered from an earlier file may have been released and reused since.
      if (known >= 0 && table.formTextOf(known) === this.formOwnTexts[slot] && table.formTypeName(known) === type) {
        forms[at] = known;
        continue;
      }
      forms[at] = this.intern(slot, table);
    }
    return forms;
  }

  /**
   * Whether each form slot is already the table's id of that form. The first time an empty table
   * is filled, the cache interns all its forms ahead, in slot order, so that they are: a block's
   * forms column is then its bytes as they are, with nothing mapped or copied per mention. That
   * holds until the table releases a form (a file changed while loading), whose id it may reuse;
   * forms nobody came to mention are released once the load ends (EntityTable.releaseUnmentioned).
   */
  private slotsAreIds(table: EntityTable): boolean {
    if (this.internedAhead === undefined) {
      this.internedAhead = null;
      if (table.formIds === 0) {
        let same = true;
        for (let slot = 0; slot < this.formTexts.length; slot++) same = this.intern(slot, table) === slot && same;
        // Two slots of one form (a damaged cache) share an id: then each mention is mapped.
        if (same) this.internedAhead = { table, releases: table.releasedForms };
      }
    }
    return this.internedAhead !== null && this.internedAhead.table === table && this.internedAhead.releases === table.releasedForms;
  }

  private intern(slot: number, table: EntityTable): number {
    const form = table.internForm(this.types[this.formTypes[slot]], this.formTexts[slot]);
    this.forms[slot] = form;
    this.formOwnTexts[slot] = table.formTextOf(form);
    return form;
  }
}

/** The block sizes a file's row gives (`row`: its start in `floats`), or undefined when they are not counts. */
function blockHeadOf(floats: Float64Array, row: number): BlockHead | undefined {
  const count = floats[row + Row.Count];
  const ids = storedTextOf(floats, row + Row.IdsLength);
  const context = storedTextOf(floats, row + Row.ContextLength);
  return isCount(count) && ids && context ? { count, ids, context } : undefined;
}

/** A stored text's [length, bytes, wide] at `at`. */
function storedTextOf(floats: Float64Array, at: number): StoredText | undefined {
  const length = floats[at];
  const bytes = floats[at + 1];
  const wide = floats[at + 2];
  return isCount(length) && isCount(bytes) && (wide === 0 || wide === 1) ? { length, bytes, wide: wide === 1 } : undefined;
}

/** The cached [index, note] pairs as a map; undefined when there are none, null when damaged. */
function notesOf(value: unknown, count: number): Map<number, string> | undefined | null {
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return undefined;
  const notes = new Map<number, string>();
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2) return null;
    const [index, text] = pair as unknown[];
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count || typeof text !== 'string' || notes.has(index as number)) return null;
    notes.set(index as number, text);
  }
  return notes;
}

function metaOf(floats: Float64Array, row: number, extra: readonly unknown[] | undefined): FileMeta | undefined {
  const sidecarStamp = stampOf(floats, row + Row.SidecarSize);
  const textStamp = stampOf(floats, row + Row.TextSize);
  const status = sidecarStatuses[floats[row + Row.Status]] as SidecarStatus | undefined;
  const problems = floats[row + Row.Problems];
  const orphans = floats[row + Row.Orphans];
  const unreadable = floats[row + Row.Unreadable];
  if (sidecarStamp === undefined || textStamp === undefined) return undefined;
  if (status === undefined || !isCount(problems) || !isCount(orphans) || (unreadable !== 0 && unreadable !== 1)) return undefined;
  const suggestions = extra === undefined ? [] : suggestionsOf(extra[2]);
  if (suggestions === undefined) return undefined;
  const relationTypes = extra === undefined ? null : extra[3];
  const relations = relationTypes === null ? undefined : relationCounts(relationTypes);
  if (relationTypes !== null && relations === undefined) return undefined;
  return {
    hasSidecar: sidecarStamp !== null,
    status,
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

/** The stamp whose [size, mtime] is at `at` (size -1: no file), or undefined when the numbers cannot be one. */
function stampOf(floats: Float64Array, at: number): FileStamp | null | undefined {
  const size = floats[at];
  const mtimeMs = floats[at + 1];
  if (size === -1) return null;
  return isCount(size) && Number.isFinite(mtimeMs) ? { size, mtimeMs } : undefined;
}

/** Whether the [size, mtime] at `at` is `current`; makes no stamp object, as this runs twice per file. */
function sameStamp(floats: Float64Array, at: number, current: FileStamp | null): boolean {
  if (current === null) return floats[at] === -1;
  // `current` holds finite numbers, so equal ones are finite too: what stampOf would check.
  return floats[at] === current.size && floats[at + 1] === current.mtimeMs;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
