/**
 * The corpus index: per corpus file (relative path, `/` separators) a summary and its annotations,
 * plus the distinct entities and notes they mention, all kept up to date one file at a time.
 * Every update costs the size of the file it touches, never the size of the corpus, and returns
 * what changed; nothing fires events at views (the caller decides when to refresh them).
 */
import { EntityTable, type EntityRecord } from './entityTable';
import { columnsOf, FileRecord, metaOf, type AnnotationColumns, type FileMeta, type FileState } from './fileRecord';
import { change, summaryOf, type FileSummary, type IndexChange } from './indexChange';
import type { IndexEntry } from './indexEntry';
import { IndexListeners, type IndexListener } from './indexListener';
import { NoteTable } from './noteTable';
import { PathOrder } from './pathOrder';

export interface TypeTotal {
  readonly type: string;
  /** Mentions of this type in the corpus. */
  readonly mentions: number;
  /** Distinct entities of this type. */
  readonly entities: number;
}

export interface CorpusSummary {
  readonly files: number;
  readonly annotations: number;
  readonly states: Readonly<Record<FileState, number>>;
  /** Files not marked done: the Corpus view's badge. */
  readonly notDone: number;
  /** Types with at least one mention, by name. */
  readonly types: readonly TypeTotal[];
}

/** One annotation as the views and search show it. */
export interface Mention {
  readonly file: string;
  readonly id: string;
  readonly type: string;
  /** The text as written in the sidecar. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly note?: string;
  /** Snippet context on the mention's line, from the stored prefix and suffix. */
  readonly before: string;
  readonly after: string;
  /** Key of its entity (normalise.ts). */
  readonly entity: string;
}

export class CorpusIndex {
  private readonly listeners = new IndexListeners();
  /** Distinct types, forms and entities; read by the Tags tree and search modules. */
  readonly table = new EntityTable(this.listeners);
  readonly notes = new NoteTable(this.listeners);
  private readonly byPath = new Map<string, FileRecord>();
  private readonly byId: (FileRecord | undefined)[] = [];
  private readonly freeIds: number[] = [];
  private readonly stateCounts: Record<FileState, number> = { untouched: 0, 'in-progress': 0, done: 0, problem: 0 };
  private annotationCount = 0;
  private readonly order = new PathOrder(
    () => this.byPath.keys(),
    (path) => this.byPath.get(path)!.id,
    () => this.byId.length,
  );

  /** For search structures that follow the index (see IndexListener). Returns the unsubscribe. */
  listen(listener: IndexListener): () => void {
    return this.listeners.add(listener);
  }

  /** Adds or replaces a file. */
  setFile(path: string, entry: IndexEntry): IndexChange {
    return this.setColumns(path, metaOf(entry), (table) => columnsOf(entry.annotations, table));
  }

  /**
   * Adds or replaces a file from columns already laid out (the cache does this, without making an
   * object per annotation). `columns` gets the table to intern its forms with.
   */
  setColumns(path: string, meta: FileMeta, columns: (table: EntityTable) => AnnotationColumns): IndexChange {
    const existing = this.byPath.get(path);
    const touched: EntityRecord[] = [];
    const laidOut = columns(this.table);
    const id = existing?.id ?? this.freeIds.pop() ?? this.byId.length;
    const record = new FileRecord(id, path, meta, laidOut);
    // New mentions are counted in before the old ones are counted out, so entities the file
    // still mentions never drop to zero and vanish in between.
    this.table.addMentions(id, laidOut.forms, touched);
    if (laidOut.notes) this.notes.add(id, laidOut.notes.values());
    if (existing) this.forget(existing, touched);
    this.byPath.set(path, record);
    this.byId[id] = record;
    this.stateCounts[record.state]++;
    this.annotationCount += record.count;
    if (!existing) {
      this.order.insert(path);
      this.listeners.emit('fileAdded', id);
    }
    return change(path, existing && summaryOf(existing), summaryOf(record), touched);
  }

  removeFile(path: string): IndexChange | undefined {
    const record = this.byPath.get(path);
    if (!record) return undefined;
    const touched: EntityRecord[] = [];
    this.forget(record, touched);
    this.byPath.delete(path);
    this.byId[record.id] = undefined;
    this.order.remove(path);
    this.listeners.emit('fileRemoved', record.id);
    this.freeIds.push(record.id);
    return change(path, summaryOf(record), undefined, touched);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  get size(): number {
    return this.byPath.size;
  }

  file(path: string): FileSummary | undefined {
    const record = this.byPath.get(path);
    return record && summaryOf(record);
  }

  /** Every path, in the Corpus view's order (folders first, natural name order). */
  paths(): readonly string[] {
    return this.order.paths();
  }

  /** Position of a file in view order (compare two files' ranks instead of their paths). */
  rank(fileId: number): number {
    return this.order.rank(fileId);
  }

  /** Files in view order, optionally only those in some states and below a folder. */
  files(filter: { states?: readonly FileState[]; folder?: string } = {}): FileSummary[] {
    const states = filter.states && new Set(filter.states);
    const prefix = filter.folder ? (filter.folder.endsWith('/') ? filter.folder : `${filter.folder}/`) : '';
    const found: FileSummary[] = [];
    for (const path of this.paths()) {
      if (prefix && !path.startsWith(prefix)) continue;
      const record = this.byPath.get(path)!;
      if (!states || states.has(record.state)) found.push(summaryOf(record));
    }
    return found;
  }

  /**
   * The first file after `after` (in view order, wrapping around) in one of `states`: by default
   * the next untagged file. Undefined when there is none.
   */
  nextFile(after?: string, states: readonly FileState[] = ['untouched']): string | undefined {
    const paths = this.paths();
    if (paths.length === 0) return undefined;
    const low = after === undefined ? 0 : this.order.positionOf(after, true);
    const wanted = new Set(states);
    for (let step = 0; step < paths.length; step++) {
      const path = paths[(low + step) % paths.length];
      if (path !== after && wanted.has(this.byPath.get(path)!.state)) return path;
    }
    return undefined;
  }

  summary(): CorpusSummary {
    const types: TypeTotal[] = [];
    for (let typeId = 0; typeId < this.table.typeCount; typeId++) {
      const mentions = this.table.typeMentions[typeId];
      if (mentions > 0) types.push({ type: this.table.typeName(typeId), mentions, entities: this.table.typeEntities[typeId].size });
    }
    types.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    const states = { ...this.stateCounts };
    return { files: this.byPath.size, annotations: this.annotationCount, states, notDone: this.byPath.size - states.done, types };
  }

  /** The annotations of one file, in sidecar order. */
  annotations(path: string): Mention[] {
    const record = this.byPath.get(path);
    if (!record) return [];
    return Array.from({ length: record.count }, (_, index) => this.mention(record, index));
  }

  /** The record of a path or file id: for the Tags tree, search and cache modules. */
  record(path: string): FileRecord | undefined {
    return this.byPath.get(path);
  }

  recordById(id: number): FileRecord | undefined {
    return this.byId[id];
  }

  records(): IterableIterator<FileRecord> {
    return this.byPath.values();
  }

  /** Annotation `index` of a file as a Mention. */
  mention(record: FileRecord, index: number): Mention {
    const { ids, starts, ends, forms, notes } = record.columns;
    const form = forms[index];
    const entity = this.table.entity(this.table.entityOfForm(form));
    const note = notes?.get(index);
    return {
      file: record.path,
      id: ids[index],
      type: this.table.formTypeName(form),
      text: this.table.formTextOf(form),
      start: starts[index],
      end: ends[index],
      ...(note !== undefined ? { note } : {}),
      ...record.context(index),
      entity: entity?.key ?? '',
    };
  }

  private forget(record: FileRecord, touched: EntityRecord[]): void {
    this.table.removeMentions(record.id, record.columns.forms, touched);
    if (record.columns.notes) this.notes.remove(record.id, record.columns.notes.values());
    this.stateCounts[record.state]--;
    this.annotationCount -= record.count;
  }
}
