/**
 * The bytes of the command line's cache between runs (src/node/commandLineCache.ts): for each
 * file, the stamps of its sidecar and text when they were read, and its summary (fileSummary.ts).
 *
 * Layout: the frame of framedCache.ts (the header: what the cache is of, the names the summaries
 * count, each file's path, and the problems, relations and encoding of the few files that have
 * any), then one row of Float64 numbers per file (`SummaryRow`), then every file's (name, count) pairs
 * as Uint32, its types' first, then its annotators'. The first format was one JSON document:
 * parsing its 3.3 MB into 10,000 objects at 10,000 documents was a fifth of a second `stats`.
 *
 * A cache file is outside input: each entry's numbers are checked when it is looked up (whole
 * counts, in range, the types and annotators each adding up to the annotations), and an entry
 * that fails is ignored, so its file is read again. The frame or the sizes not adding up make
 * the whole file ignored.
 */
import type { Problem } from '../problem';
import { sidecarStatuses } from '../sidecar/model';
import type { EncodingCheck } from '../text/detectEncoding';
import { isCounts, isEncoding, isProblem, type FileSummary } from './fileSummary';
import { frameOf, readFrame, writeFrame } from './framedCache';
import type { FileStamp } from './indexEntry';

export const summaryCacheFormat = 'news-annotator/cli-cache';
// 1: one JSON document; 2: binary rows after a JSON header.
export const summaryCacheVersion = 2;

/** The second Uint32 of the file: "NACL" in the writer's byte order. */
const marker = 0x4c43414e;

/** Size and mtime of a file's sidecar (null: none) and text, taken before reading them. */
export interface FileStamps {
  readonly sidecar: FileStamp | null;
  readonly text: FileStamp;
}

/** What else a cache must match to be used: the corpus root it is of, and what its summaries depend on. */
export interface SummaryCacheIdentity {
  readonly root: string;
  readonly fingerprint: string;
}

export interface SummaryCacheEntry {
  readonly path: string;
  readonly stamps: FileStamps;
  readonly summary: FileSummary;
}

interface Header {
  format: string;
  version: number;
  root: string;
  fingerprint: string;
  names: string[];
  paths: string[];
  /** How many (name, count) pairs follow the rows. */
  pairs: number;
  /** [file position, its problems, relations per type or null, encoding or null], for the files that have any. */
  extras: unknown[][];
}

/** Positions in a file's row; a missing sidecar has size -1. Status is a position in `sidecarStatuses`. */
export const SummaryRow = {
  SidecarSize: 0, SidecarMtime: 1, TextSize: 2, TextMtime: 3, HasSidecar: 4, Status: 5, Annotations: 6, Unplaced: 7,
  Orphans: 8, Suggestions: 9, Types: 10, Annotators: 11, FirstPair: 12, Size: 13,
} as const;

export function encodeSummaryCache(identity: SummaryCacheIdentity, entries: readonly SummaryCacheEntry[]): Uint8Array {
  const names: string[] = [];
  const slots = new Map<string, number>();
  const pairs: number[] = [];
  const addPairs = (counts: Readonly<Record<string, number>>) => {
    for (const name of Object.keys(counts)) {
      let slot = slots.get(name);
      if (slot === undefined) slots.set(name, (slot = names.push(name) - 1));
      pairs.push(slot, counts[name]);
    }
  };
  const rows = new Float64Array(SummaryRow.Size * entries.length);
  const extras: unknown[][] = [];
  entries.forEach(({ stamps, summary }, position) => {
    const at = position * SummaryRow.Size;
    rows[at + SummaryRow.SidecarSize] = stamps.sidecar === null ? -1 : stamps.sidecar.size;
    rows[at + SummaryRow.SidecarMtime] = stamps.sidecar === null ? 0 : stamps.sidecar.mtimeMs;
    rows[at + SummaryRow.TextSize] = stamps.text.size;
    rows[at + SummaryRow.TextMtime] = stamps.text.mtimeMs;
    rows[at + SummaryRow.HasSidecar] = summary.hasSidecar ? 1 : 0;
    rows[at + SummaryRow.Status] = sidecarStatuses.indexOf(summary.status);
    rows[at + SummaryRow.Annotations] = summary.annotations;
    rows[at + SummaryRow.Unplaced] = summary.unplaced;
    rows[at + SummaryRow.Orphans] = summary.orphans;
    rows[at + SummaryRow.Suggestions] = summary.suggestions ?? 0;
    rows[at + SummaryRow.Types] = Object.keys(summary.types).length;
    rows[at + SummaryRow.Annotators] = Object.keys(summary.annotators).length;
    rows[at + SummaryRow.FirstPair] = pairs.length / 2;
    addPairs(summary.types);
    addPairs(summary.annotators);
    if (summary.problems.length > 0 || summary.relationTypes !== undefined || summary.encoding !== undefined) {
      extras.push([position, summary.problems, summary.relationTypes ?? null, summary.encoding ?? null]);
    }
  });
  const header: Header = { format: summaryCacheFormat, version: summaryCacheVersion, ...identity, names, paths: entries.map((entry) => entry.path), pairs: pairs.length / 2, extras };
  const frame = frameOf(header);
  const pairsAt = frame.bodyAt + rows.byteLength;
  const buffer = new ArrayBuffer(pairsAt + 4 * pairs.length);
  writeFrame(buffer, frame, marker);
  new Float64Array(buffer, frame.bodyAt, rows.length).set(rows);
  new Uint32Array(buffer, pairsAt, pairs.length).set(pairs);
  return new Uint8Array(buffer);
}

/** A cache file read back: its entries are checked one at a time, when looked up. */
export class SummaryCacheFile {
  private constructor(
    private readonly names: readonly string[],
    private readonly positions: ReadonlyMap<string, number>,
    private readonly rows: Float64Array,
    private readonly pairs: Uint32Array,
    private readonly extras: ReadonlyMap<number, unknown[]>,
  ) {}

  /** The cache in `bytes`, or undefined when it is damaged, of another format, or of another corpus or fingerprint. */
  static read(bytes: Uint8Array | undefined, identity: SummaryCacheIdentity): SummaryCacheFile | undefined {
    const frame = readFrame(bytes, marker);
    if (frame === undefined) return undefined;
    const { header, bodyAt } = frame;
    if (header['format'] !== summaryCacheFormat || header['version'] !== summaryCacheVersion) return undefined;
    if (header['root'] !== identity.root || header['fingerprint'] !== identity.fingerprint) return undefined;
    const { names, paths, pairs, extras } = header;
    if (!isStrings(names) || !isStrings(paths) || !Number.isInteger(pairs) || (pairs as number) < 0 || !Array.isArray(extras)) return undefined;
    const rowsLength = SummaryRow.Size * paths.length;
    const pairsAt = bodyAt + 8 * rowsLength;
    if (pairsAt + 8 * (pairs as number) !== frame.bytes.length) return undefined;
    const positions = new Map<string, number>();
    paths.forEach((path, position) => positions.set(path, position));
    const extrasByPosition = new Map<number, unknown[]>();
    for (const extra of extras as unknown[]) {
      if (!Array.isArray(extra) || extra.length !== 4 || !Number.isInteger(extra[0])) return undefined;
      extrasByPosition.set(extra[0] as number, extra);
    }
    const { buffer, byteOffset } = frame.bytes;
    return new SummaryCacheFile(names, positions, new Float64Array(buffer, byteOffset + bodyAt, rowsLength), new Uint32Array(buffer, byteOffset + pairsAt, 2 * (pairs as number)), extrasByPosition);
  }

  /** Whether there is an entry for `path` at all (only then is it worth looking at the file first). */
  has(path: string): boolean {
    return this.positions.has(path);
  }

  paths(): IterableIterator<string> {
    return this.positions.keys();
  }

  /** The summary of `path` when the entry's stamps are exactly `stamps` and the entry is whole; undefined otherwise. */
  lookup(path: string, stamps: FileStamps): FileSummary | undefined {
    const position = this.positions.get(path);
    if (position === undefined) return undefined;
    const rows = this.rows;
    const at = position * SummaryRow.Size;
    const sidecar = stamps.sidecar;
    if (sidecar === null ? rows[at + SummaryRow.SidecarSize] !== -1 : rows[at + SummaryRow.SidecarSize] !== sidecar.size || rows[at + SummaryRow.SidecarMtime] !== sidecar.mtimeMs) return undefined;
    if (rows[at + SummaryRow.TextSize] !== stamps.text.size || rows[at + SummaryRow.TextMtime] !== stamps.text.mtimeMs) return undefined;
    return this.summaryAt(path, position);
  }

  private summaryAt(path: string, position: number): FileSummary | undefined {
    const rows = this.rows;
    const at = position * SummaryRow.Size;
    const hasSidecar = rows[at + SummaryRow.HasSidecar];
    const status = sidecarStatuses[rows[at + SummaryRow.Status]] as FileSummary['status'] | undefined;
    const annotations = rows[at + SummaryRow.Annotations];
    const unplaced = rows[at + SummaryRow.Unplaced];
    const orphans = rows[at + SummaryRow.Orphans];
    const suggestions = rows[at + SummaryRow.Suggestions];
    if ((hasSidecar !== 0 && hasSidecar !== 1) || status === undefined) return undefined;
    if (!isWhole(annotations) || !isWhole(unplaced) || !isWhole(orphans) || !isWhole(suggestions) || unplaced > annotations || orphans > unplaced) return undefined;
    const firstPair = rows[at + SummaryRow.FirstPair];
    const typeCount = rows[at + SummaryRow.Types];
    const annotatorCount = rows[at + SummaryRow.Annotators];
    if (!isWhole(firstPair) || !isWhole(typeCount) || !isWhole(annotatorCount) || 2 * (firstPair + typeCount + annotatorCount) > this.pairs.length) return undefined;
    // Every annotation counts once under its type and once under its annotator.
    const types = this.countsAt(firstPair, typeCount, annotations);
    const annotators = types && this.countsAt(firstPair + typeCount, annotatorCount, annotations);
    if (types === undefined || annotators === undefined) return undefined;
    let problems: readonly Problem[] = [];
    let relationTypes: Record<string, number> | undefined;
    let encoding: (EncodingCheck & { readonly utf8: false }) | undefined;
    const extra = this.extras.get(position);
    if (extra !== undefined) {
      const [, listed, relations, check] = extra;
      if (!Array.isArray(listed) || !listed.every(isProblem) || (relations !== null && !isCounts(relations)) || (check !== null && !isEncoding(check))) return undefined;
      problems = listed as Problem[];
      relationTypes = relations === null ? undefined : (relations as Record<string, number>);
      encoding = check === null ? undefined : (check as EncodingCheck & { readonly utf8: false });
    }
    return {
      path,
      readable: true,
      problems,
      hasSidecar: hasSidecar === 1,
      status,
      annotations,
      unplaced,
      orphans,
      types,
      annotators,
      ...(relationTypes === undefined ? {} : { relationTypes }),
      ...(suggestions > 0 ? { suggestions } : {}),
      ...(encoding === undefined ? {} : { encoding }),
    };
  }

  /** `count` (name, count) pairs from `first` as a record, or undefined when a name is unknown or repeated, or the counts do not add up to `total`. */
  private countsAt(first: number, count: number, total: number): Record<string, number> | undefined {
    const record: Record<string, number> = {};
    let sum = 0;
    for (let pair = first; pair < first + count; pair++) {
      const name = this.names[this.pairs[2 * pair]];
      const value = this.pairs[2 * pair + 1];
      if (name === undefined || value === 0 || Object.prototype.hasOwnProperty.call(record, name)) return undefined;
      record[name] = value;
      sum += value;
    }
    return sum === total ? record : undefined;
  }
}

function isWhole(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
