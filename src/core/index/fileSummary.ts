/**
 * What `stats` and `validate` need of one corpus file, and nothing more: counts per type and
 * annotator, status, unplaced annotations, problems, and the text's encoding when it is not
 * UTF-8. Small enough to cache between runs of the command line (src/node/commandLineCache.ts),
 * and the one definition both commands count from, cached or freshly read.
 */
import type { CorpusStats } from '../corpus/corpusStats';
import type { CorpusDocument, CorpusFailure, CorpusLoad } from '../corpus/loadCorpus';
import type { Problem, Severity } from '../problem';
import { sidecarStatuses, type SidecarStatus } from '../sidecar/model';
import type { EncodingCheck } from '../text/detectEncoding';

export interface FileSummary {
  /** The text file, relative to the corpus root. */
  readonly path: string;
  /** False when the text or its sidecar could not be read at all (then only `problems` count). */
  readonly readable: boolean;
  /** The problems loading the file found (sidecar against text, anchoring, unreadable files). */
  readonly problems: readonly Problem[];
  readonly hasSidecar: boolean;
  readonly status: SidecarStatus;
  readonly annotations: number;
  readonly unplaced: number;
  /** The unplaced annotations not found at all. */
  readonly orphans: number;
  /** Annotations per type and per annotator, in the order they first occur in the file. */
  readonly types: Readonly<Record<string, number>>;
  readonly annotators: Readonly<Record<string, number>>;
  /** Relations per type, present only when the file has relations. */
  readonly relationTypes?: Readonly<Record<string, number>>;
  /** Open (not rejected) suggestions, present only when the file has any. */
  readonly suggestions?: number;
  /** Present only when the text is not UTF-8: what `validate` reports about it. */
  readonly encoding?: EncodingCheck & { readonly utf8: false };
}

export const unknownAnnotator = '(unknown)';

export function summariseDocument(document: CorpusDocument): FileSummary {
  const types = new NameCounts();
  const annotators = new NameCounts();
  for (const annotation of document.placed) {
    types.add(annotation.type);
    annotators.add(annotation.annotator ?? unknownAnnotator);
  }
  let orphans = 0;
  for (const item of document.unplaced) {
    types.add(item.annotation.type);
    annotators.add(item.annotation.annotator ?? unknownAnnotator);
    if (item.kind === 'orphan') orphans++;
  }
  const encoding = document.loaded.decoded.encoding;
  let relationTypes: Record<string, number> | undefined;
  for (const relation of document.loaded.sidecar.relations ?? []) {
    relationTypes ??= {};
    relationTypes[relation.type] = (relationTypes[relation.type] ?? 0) + 1;
  }
  const suggestions = (document.loaded.sidecar.suggestions ?? []).filter((suggestion) => suggestion.rejected !== true).length;
  return {
    path: document.path,
    readable: true,
    problems: document.loaded.problems,
    hasSidecar: document.hasSidecar,
    status: document.status,
    annotations: document.placed.length + document.unplaced.length,
    unplaced: document.unplaced.length,
    orphans,
    types: types.toRecord(),
    annotators: annotators.toRecord(),
    ...(relationTypes === undefined ? {} : { relationTypes }),
    ...(suggestions > 0 ? { suggestions } : {}),
    ...(encoding.utf8 ? {} : { encoding }),
  };
}

/**
 * Counts per name, for the few names of one file (its types, its annotators), in the order they
 * first occur. Names read from a sidecar are fresh strings on every line; a record keyed by one
 * looks it up in the engine's string table on every count, which was a third of summarising a
 * corpus. Comparing with the few names already seen is cheaper; the record is made once.
 */
class NameCounts {
  private readonly names: string[] = [];
  private readonly counts: number[] = [];
  /** Past a few dozen names (an odd file), where each name is, so counting stays linear. */
  private places: Map<string, number> | undefined;

  add(name: string): void {
    const names = this.names;
    if (this.places === undefined) {
      for (let index = 0; index < names.length; index++) {
        if (names[index] === name) {
          this.counts[index]++;
          return;
        }
      }
      if (names.length === 32) this.places = new Map(names.map((known, index) => [known, index]));
    } else {
      const place = this.places.get(name);
      if (place !== undefined) {
        this.counts[place]++;
        return;
      }
    }
    this.places?.set(name, names.length);
    names.push(name);
    this.counts.push(1);
  }

  toRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (let index = 0; index < this.names.length; index++) record[this.names[index]] = this.counts[index];
    return record;
  }
}

export function summariseFailure(failure: CorpusFailure): FileSummary {
  return { path: failure.path, readable: false, problems: failure.problems, hasSidecar: false, status: 'untouched', annotations: 0, unplaced: 0, orphans: 0, types: {}, annotators: {} };
}

/** The summaries of a load, in the order of `files` (files the load does not hold are left out). */
export function summariseLoad(files: readonly string[], load: CorpusLoad): FileSummary[] {
  const byPath = new Map<string, FileSummary>();
  for (const document of load.documents) byPath.set(document.path, summariseDocument(document));
  for (const failure of load.failures) byPath.set(failure.path, summariseFailure(failure));
  const summaries: FileSummary[] = [];
  for (const file of files) {
    const summary = byPath.get(file);
    if (summary === undefined) continue;
    summaries.push(summary);
    byPath.delete(file);
  }
  for (const summary of byPath.values()) summaries.push(summary);
  return summaries;
}

/** @param typeOrder the project's types, listed first (with 0 when unused) so tables stay stable. */
export function statsOfSummaries(summaries: readonly FileSummary[], typeOrder: readonly string[] = []): CorpusStats {
  const types = Object.fromEntries(typeOrder.map((name) => [name, 0])) as Record<string, number>;
  const statuses = Object.fromEntries(sidecarStatuses.map((status) => [status, 0])) as Record<SidecarStatus, number>;
  const annotators: Record<string, number> = {};
  const relations: Record<string, number> = {};
  const perFile: CorpusStats['perFile'] = [];
  let files = 0;
  let filesWithSidecar = 0;
  let unreadable = 0;
  let annotations = 0;
  let unplaced = 0;
  let orphans = 0;
  let suggestions = 0;
  for (const summary of summaries) {
    files++;
    if (!summary.readable) {
      unreadable++;
      continue;
    }
    addCounts(types, summary.types);
    addCounts(annotators, summary.annotators);
    if (summary.relationTypes !== undefined) addCounts(relations, summary.relationTypes);
    statuses[summary.status]++;
    if (summary.hasSidecar) filesWithSidecar++;
    annotations += summary.annotations;
    unplaced += summary.unplaced;
    orphans += summary.orphans;
    suggestions += summary.suggestions ?? 0;
    perFile.push({ path: summary.path, status: summary.status, hasSidecar: summary.hasSidecar, annotations: summary.annotations, unplaced: summary.unplaced, types: { ...summary.types } });
  }
  const stats: CorpusStats = { files, filesWithSidecar, unreadable, annotations, unplaced, orphans, types, statuses, annotators, perFile };
  if (Object.keys(relations).length > 0) stats.relations = relations;
  if (suggestions > 0) stats.suggestions = suggestions;
  return stats;
}

/** Adds `counts` into `into`; a plain loop over own keys (Object.entries per file cost a tenth of a cached `stats`). */
function addCounts(into: Record<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const name of Object.keys(counts)) into[name] = (into[name] ?? 0) + counts[name];
}

const severities: ReadonlySet<unknown> = new Set<Severity>(['error', 'warning', 'info']);

/**
 * The summary a cache holds, when it has exactly the shape `summariseDocument` gives; undefined
 * otherwise. A cache file is outside input: an edited or truncated one is ignored, never trusted.
 */
export function validSummary(value: unknown, path: string): FileSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { problems, hasSidecar, status, annotations, unplaced, orphans, types, annotators, relationTypes, suggestions, encoding } = value;
  if (suggestions !== undefined && !isCount(suggestions)) return undefined;
  if (value['path'] !== path || value['readable'] !== true || typeof hasSidecar !== 'boolean') return undefined;
  if (!(sidecarStatuses as readonly unknown[]).includes(status)) return undefined;
  if (![annotations, unplaced, orphans].every(isCount) || (unplaced as number) > (annotations as number) || (orphans as number) > (unplaced as number)) return undefined;
  if (!isCounts(types) || !isCounts(annotators) || (relationTypes !== undefined && !isCounts(relationTypes))) return undefined;
  if (!Array.isArray(problems) || !problems.every(isProblem)) return undefined;
  if (encoding !== undefined && !isEncoding(encoding)) return undefined;
  return value as unknown as FileSummary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isCounts(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every(isCount);
}

export function isProblem(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return typeof value['code'] === 'string' && severities.has(value['severity']) && typeof value['message'] === 'string' && typeof value['file'] === 'string' && isCount(value['line']) && isCount(value['column']);
}

export function isEncoding(value: unknown): boolean {
  if (!isRecord(value) || value['utf8'] !== false || typeof value['likely'] !== 'string') return false;
  return ['byteOffset', 'byte', 'line', 'column'].every((key) => isCount(value[key]));
}
