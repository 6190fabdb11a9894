/**
 * The three-way merge of one sidecar's three versions (base, ours, theirs), by annotation id.
 * Rules (docs/merge-driver.md): additions from both sides are kept; the same span and type added
 * on both sides is one tag with ours' id; a removal on one side and no change on the other
 * removes; an entry changed on both sides is merged field by field (the span's fields as one);
 * `source`, unknown top-level fields and every other top-level list of id-keyed entries follow
 * the same rules. Both sides changing `status` differently takes the further status.
 * What is left is a conflict, kept here so the writer can mark exactly those entries.
 */
import { formatValue } from '../sidecar/flowValue';
import {
  annotationKeyOrder,
  relationKeyOrder,
  sidecarStatuses,
  suggestionKeyOrder,
  sourceKeyOrder,
  topLevelKeyOrder,
  type Annotation,
  type Sidecar,
  type SidecarSource,
  type SidecarStatus,
} from '../sidecar/model';
import { isIdList, mergeEntry, mergeEntryLists, mergeValue, sameValue, setField, type MergedItem, type MergeEntry } from './threeWayMerge';

/** A top-level value both sides changed differently, or a list with conflicting entries. */
export type ExtraConflict =
  | { readonly kind: 'value'; readonly ours: unknown; readonly theirs: unknown }
  | { readonly kind: 'list'; readonly items: readonly MergedItem[] };

export interface SidecarMerge {
  /** Everything merged cleanly; where there is a conflict it holds ours' version (the writer replaces it). */
  readonly sidecar: Sidecar;
  /** How many conflicts are left (entries, and top-level fields). */
  readonly conflicts: number;
  readonly formatConflict?: { readonly ours: string; readonly theirs: string };
  readonly sourceConflict?: { readonly ours: SidecarSource; readonly theirs: SidecarSource };
  /** Unknown top-level fields with a conflict, by name. */
  readonly extraConflicts: ReadonlyMap<string, ExtraConflict>;
  /** Every annotation place in the result, conflicts included (entries are annotation records). */
  readonly annotationItems: readonly MergedItem[];
  /** What a person may want to know about a clean merge (a status chosen, a hash kept). */
  readonly notes: readonly string[];
}

const spanFields = ['start', 'end', 'text', 'prefix', 'suffix'] as const;
const provenanceKeys = ['id', 'annotator', 'created'];
/**
 * Typed top-level lists of id-keyed entries other than annotations, with their key order. They
 * are merged like the unknown id-keyed lists (by id, field by field): each is lifted into `extra`
 * as plain records for the merge and set back as the typed field when it merged cleanly; with a
 * conflict it stays in `extra`, where the writer marks only the conflicting entries (the file is
 * readable again once they are resolved, and the next write puts the list back in its place).
 */
const typedLists: Readonly<Record<string, readonly string[]>> = { relations: relationKeyOrder, suggestions: suggestionKeyOrder };
const knownTopLevelKeys: ReadonlySet<string> = new Set(topLevelKeyOrder.filter((key) => !(key in typedLists)));

function lifted(sidecar: Sidecar): Sidecar {
  const lists = Object.keys(typedLists).filter((key) => (sidecar as unknown as Record<string, unknown>)[key] !== undefined);
  if (lists.length === 0) return sidecar;
  const result: Record<string, unknown> = { ...sidecar };
  const extra: Record<string, unknown> = { ...sidecar.extra };
  for (const key of lists) {
    setField(extra, key, (result[key] as Array<object & { extra?: Record<string, unknown> }>).map(flatten));
    delete result[key];
  }
  result['extra'] = extra;
  return result as unknown as Sidecar;
}

function lowered(sidecar: Sidecar, conflicted: ReadonlyMap<string, ExtraConflict>): Sidecar {
  const extra = sidecar.extra;
  if (extra === undefined) return sidecar;
  const result: Record<string, unknown> = { ...sidecar };
  const rest: Record<string, unknown> = { ...extra };
  for (const [key, keyOrder] of Object.entries(typedLists)) {
    if (!(key in rest) || conflicted.has(key)) continue;
    const list = rest[key] as MergeEntry[];
    delete rest[key];
    if (list.length > 0) result[key] = list.map((record) => unflatten(record, keyOrder));
  }
  if (Object.keys(rest).length > 0) result['extra'] = rest;
  else delete result['extra'];
  return result as unknown as Sidecar;
}

/** `base` is undefined when the file did not exist there (both sides added it). */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): SidecarMerge {
  const merge = mergeLifted(base === undefined ? undefined : lifted(base), lifted(ours), lifted(theirs));
  return { ...merge, sidecar: lowered(merge.sidecar, merge.extraConflicts) };
}

function mergeLifted(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): SidecarMerge {
  let conflicts = 0;
  const notes: string[] = [];

  const format = mergeValue(base?.format, ours.format, theirs.format);
  const formatConflict = format.ok ? undefined : { ours: ours.format, theirs: theirs.format };
  if (!format.ok) conflicts++;

  // Entries that come through unchanged are given back as the very annotations read, whose
  // canonical lines the reader already knows: the writer then copies those lines.
  const originals = new WeakMap<MergeEntry, Annotation>();
  const records = (annotations: readonly Annotation[]) =>
    annotations.map((annotation) => {
      const record = annotationRecord(annotation);
      originals.set(record, annotation);
      return record;
    });
  const annotations = mergeEntryLists(records(base?.annotations ?? []), records(ours.annotations), records(theirs.annotations), {
    fieldGroups: [spanFields],
    additionKey: (entry) => `${String(entry['start'])}:${String(entry['end'])}:${String(entry['type'])}`,
    provenanceKeys,
  });
  conflicts += annotations.conflicts;

  const sourceRecord = base === undefined ? undefined : flatten(base.source);
  const source = sourceRecord === undefined ? mergeValue(undefined, flatten(ours.source), flatten(theirs.source)) : mergeEntry(sourceRecord, flatten(ours.source), flatten(theirs.source));
  let mergedSource = source.ok && source.value !== undefined ? (unflatten(source.value, sourceKeyOrder) as unknown as SidecarSource) : ours.source;
  const sourceConflict = source.ok ? undefined : { ours: ours.source, theirs: theirs.source };
  if (!source.ok) conflicts++;
  else if (base !== undefined) mergedSource = keepHashForNewEntries(base, ours, theirs, mergedSource, notes);

  const status = mergeStatus(base?.status, ours.status, theirs.status, notes);

  const extra: Record<string, unknown> = {};
  const extraConflicts = new Map<string, ExtraConflict>();
  for (const key of extraKeys([base, ours, theirs])) {
    const values = [base?.extra?.[key], ours.extra?.[key], theirs.extra?.[key]] as const;
    const present = values.filter((value) => value !== undefined);
    if (present.length > 0 && present.every(isIdList)) {
      const list = mergeEntryLists(...(values.map((value) => (value ?? []) as MergeEntry[]) as [MergeEntry[], MergeEntry[], MergeEntry[]]), {
        additionKey: genericAdditionKey,
        provenanceKeys,
      });
      const kept = mergeValue(values[0] !== undefined, values[1] !== undefined, values[2] !== undefined);
      if (list.conflicts > 0) {
        extraConflicts.set(key, { kind: 'list', items: list.items });
        conflicts += list.conflicts;
        setField(extra, key, values[1] ?? []);
      } else if ((kept.ok && kept.value === true) || list.items.length > 0) {
        setField(extra, key, list.items.map((item) => (item.kind === 'entry' ? item.entry : undefined)).filter((entry) => entry !== undefined));
      }
      continue;
    }
    const merged = mergeValue(...values);
    if (!merged.ok) {
      extraConflicts.set(key, { kind: 'value', ours: values[1], theirs: values[2] });
      conflicts++;
      if (values[1] !== undefined) setField(extra, key, values[1]);
    } else if (merged.value !== undefined) {
      setField(extra, key, merged.value);
    }
  }

  const sidecar: Sidecar = {
    format: format.ok && typeof format.value === 'string' ? format.value : ours.format,
    source: mergedSource,
    status,
    annotations: annotations.items.flatMap((item) => (item.kind === 'entry' ? [originals.get(item.entry) ?? recordAnnotation(item.entry)] : [])),
  };
  if (Object.keys(extra).length > 0) sidecar.extra = extra;
  return { sidecar, conflicts, formatConflict, sourceConflict, extraConflicts, annotationItems: annotations.items, notes };
}

/**
 * Both sides changed the status differently: the further one (untouched < in-progress < done).
 * A status is a place in the workflow, not content: both sides worked on the file, and a
 * conflict on this one line would block the whole file in the editor for a question whose answer
 * is almost always "as far as anyone got". A reviewer who disagrees sets it back with one click.
 */
function mergeStatus(base: SidecarStatus | undefined, ours: SidecarStatus, theirs: SidecarStatus, notes: string[]): SidecarStatus {
  const merged = mergeValue(base, ours, theirs);
  if (merged.ok && merged.value !== undefined) return merged.value;
  const further = sidecarStatuses.indexOf(ours) >= sidecarStatuses.indexOf(theirs) ? ours : theirs;
  notes.push(`status: both sides changed it (ours "${ours}", theirs "${theirs}"); kept the further one, "${further}"`);
  return further;
}

/**
 * `source.sha256` says the offsets were made for that text. When only one side changed it (the
 * article changed there and its tags were re-anchored) while the other side added or changed
 * annotations, those were made for the old text: keeping the old hash makes the editor and
 * `reanchor` check every offset against the merged text again, instead of trusting them.
 */
function keepHashForNewEntries(base: Sidecar, ours: Sidecar, theirs: Sidecar, merged: SidecarSource, notes: string[]): SidecarSource {
  if (merged.sha256 === base.source.sha256) return merged;
  const unchangedSide = ours.source.sha256 === base.source.sha256 ? ours : theirs.source.sha256 === base.source.sha256 ? theirs : undefined;
  if (unchangedSide === undefined) return merged;
  const baseById = new Map(base.annotations.map((annotation) => [annotation.id, annotation]));
  const madeForOldText = unchangedSide.annotations.some((annotation) => {
    const before = baseById.get(annotation.id);
    return before === undefined || !sameValue(annotationRecord(before), annotationRecord(annotation));
  });
  if (!madeForOldText) return merged;
  notes.push(`source.sha256: kept the common ancestor's hash, because the text changed on one side and tags were added or changed on the other; their offsets are checked again`);
  return { ...merged, sha256: base.source.sha256 };
}

function genericAdditionKey(entry: MergeEntry): string {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(entry)) if (!provenanceKeys.includes(key)) setField(rest, key, entry[key]);
  return formatValue(rest);
}

function extraKeys(sidecars: ReadonlyArray<Sidecar | undefined>): string[] {
  const keys = new Set<string>();
  for (const sidecar of sidecars) for (const key of Object.keys(sidecar?.extra ?? {})) if (!knownTopLevelKeys.has(key)) keys.add(key);
  return [...keys];
}

/** An annotation as a plain map (unknown fields beside the known ones, as the file has them). */
export function annotationRecord(annotation: Annotation): MergeEntry {
  const { extra, ...known } = annotation;
  return flatten({ ...known, extra });
}

/** Back from a plain map: known fields typed, the rest in `extra`. */
export function recordAnnotation(record: MergeEntry): Annotation {
  return unflatten(record, annotationKeyOrder) as unknown as Annotation;
}

function flatten(value: object & { extra?: Record<string, unknown> }): MergeEntry {
  const record: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value.extra ?? {})) setField(record, key, field);
  // A known key in `extra` is never written (the typed field wins), so it does not take part.
  for (const [key, field] of Object.entries(value)) if (key !== 'extra' && field !== undefined) setField(record, key, field);
  return record;
}

function unflatten(record: MergeEntry, knownKeys: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) continue;
    setField(knownKeys.includes(key) ? result : extra, key, record[key]);
  }
  if (Object.keys(extra).length > 0) result['extra'] = extra;
  return result;
}
