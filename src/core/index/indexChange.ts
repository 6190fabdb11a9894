/**
 * What the index says about one file, and what an update changed: returned by every update so
 * the views refresh exactly the rows that need it.
 */
import type { EntityRecord } from './entityTable';
import type { FileMeta, FileRecord, FileState } from './fileRecord';

export interface FileSummary {
  readonly path: string;
  readonly state: FileState;
  readonly status: FileMeta['status'];
  readonly hasSidecar: boolean;
  readonly annotations: number;
  readonly problems: number;
  readonly unreadable: boolean;
  readonly orphans: number;
  /** Open suggestions. */
  readonly suggestions: number;
  /** Relations per type; absent when the file has none. */
  readonly relationTypes?: Readonly<Record<string, number>>;
}

export interface IndexChange {
  readonly path: string;
  /** The file before and after the change (undefined: not in the index). */
  readonly before: FileSummary | undefined;
  readonly after: FileSummary | undefined;
  /** Types whose totals or entities changed. */
  readonly types: readonly string[];
  /** Keys of entities whose mentions changed (including ones that appeared or disappeared). */
  readonly entities: readonly string[];
}

export function summaryOf(record: FileRecord): FileSummary {
  const { meta } = record;
  return {
    path: record.path,
    state: record.state,
    status: meta.status,
    hasSidecar: meta.hasSidecar,
    annotations: record.count,
    problems: meta.problems,
    unreadable: meta.unreadable,
    orphans: meta.orphans,
    suggestions: meta.suggestions?.length ?? 0,
    ...(meta.relationTypes ? { relationTypes: meta.relationTypes } : {}),
  };
}

/** The change of one update. Keys are worked out only when read: a full load makes one per file. */
export function change(path: string, before: FileSummary | undefined, after: FileSummary | undefined, touched: readonly EntityRecord[]): IndexChange {
  return new LazyChange(path, before, after, touched);
}

// A class rather than an object literal with getters: the literal made two closures per update.
class LazyChange implements IndexChange {
  private touchedTypes: string[] | undefined;
  private touchedEntities: string[] | undefined;

  constructor(
    readonly path: string,
    readonly before: FileSummary | undefined,
    readonly after: FileSummary | undefined,
    private readonly touched: readonly EntityRecord[],
  ) {}

  get types(): readonly string[] {
    return (this.touchedTypes ??= [...new Set(this.touched.map((entity) => entity.type))]);
  }

  get entities(): readonly string[] {
    return (this.touchedEntities ??= [...new Set(this.touched.map((entity) => entity.key))]);
  }
}
