/**
 * Three-way merge of plain data read from sidecars: single values, entries (maps) field by
 * field, and lists of entries keyed by a string `id`. Nothing here knows about annotations; the
 * sidecar merge (mergeSidecars.ts) says which fields belong together and which additions are the
 * same thing. Every function is pure and never throws on data read from YAML.
 */

/** An entry of an id-keyed list: a map with a string `id`, as read from YAML. */
export type MergeEntry = Readonly<Record<string, unknown>>;

/** The outcome of merging one value: the merged value, or a conflict (both sides changed it differently). */
export type ValueMerge<T> = { ok: true; value: T } | { ok: false };

/** Structural equality of values read from YAML (strings, numbers, booleans, null, lists, maps). */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    // NaN is the one value not equal to itself; the same NaN on both sides is no change.
    return typeof left === 'number' && typeof right === 'number' && Number.isNaN(left) && Number.isNaN(right);
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => sameValue(item, right[index]));
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const leftKeys = Object.keys(leftRecord).filter((key) => leftRecord[key] !== undefined);
  const rightKeys = Object.keys(rightRecord).filter((key) => rightRecord[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(rightRecord, key) && sameValue(leftRecord[key], rightRecord[key]));
}

/**
 * The classic rule: a side that did not change the value takes the other side's; both changed it
 * the same way is no conflict; both changed it differently is. `undefined` means absent, so
 * adding, removing and changing a value all follow the same rule.
 */
export function mergeValue<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined): ValueMerge<T | undefined> {
  if (sameValue(ours, theirs)) return { ok: true, value: ours };
  if (sameValue(base, ours)) return { ok: true, value: theirs };
  if (sameValue(base, theirs)) return { ok: true, value: ours };
  return { ok: false };
}

export interface EntryMergeOptions {
  /**
   * Keys merged as one unit: a change to any of them takes the whole group from that side (an
   * annotation's start, end and text must come from the same version, or the span is nonsense).
   */
  readonly fieldGroups?: ReadonlyArray<readonly string[]>;
}

/** Field-by-field merge of one entry changed on both sides; a conflict if any field (group) conflicts. */
export function mergeEntry(base: MergeEntry, ours: MergeEntry, theirs: MergeEntry, options: EntryMergeOptions = {}): ValueMerge<MergeEntry> {
  const merged: Record<string, unknown> = {};
  for (const group of keyGroups([base, ours, theirs], options.fieldGroups ?? [])) {
    const pick = (entry: MergeEntry) => group.map((key) => entry[key]);
    const outcome = mergeValue(pick(base), pick(ours), pick(theirs));
    if (!outcome.ok) return { ok: false };
    group.forEach((key, index) => {
      const value = outcome.value?.[index];
      if (value !== undefined) setField(merged, key, value);
    });
  }
  return { ok: true, value: merged };
}

/** Every key present in any of the entries, grouped: each declared group, then every other key alone. */
function keyGroups(entries: readonly MergeEntry[], declared: ReadonlyArray<readonly string[]>): Array<readonly string[]> {
  const keys = new Set<string>();
  for (const entry of entries) for (const key of Object.keys(entry)) if (entry[key] !== undefined) keys.add(key);
  const grouped = new Set(declared.flat());
  const groups: Array<readonly string[]> = declared.filter((group) => group.some((key) => keys.has(key)));
  for (const key of keys) if (!grouped.has(key)) groups.push([key]);
  return groups;
}

/** One place of a merged list: a merged entry, or a conflict between the two sides' versions of one entry. */
export type MergedItem =
  | { readonly kind: 'entry'; readonly entry: MergeEntry }
  /** `undefined` on a side means that side removed the entry (and the other changed it). */
  | { readonly kind: 'conflict'; readonly ours: MergeEntry | undefined; readonly theirs: MergeEntry | undefined };

export interface ListMergeOptions extends EntryMergeOptions {
  /**
   * Two entries with different ids added on the two sides that stand for the same thing (for
   * annotations: the same span and type) give the same key; they become one entry with ours' id.
   */
  readonly additionKey?: (entry: MergeEntry) => string;
  /**
   * Fields that only record who made an entry and when (and the id): when two additions are the
   * same thing, ours' values of these are kept without a conflict.
   */
  readonly provenanceKeys?: readonly string[];
}

export interface ListMerge {
  /** Ours' order, with entries only theirs has after them in theirs' order. */
  readonly items: readonly MergedItem[];
  readonly conflicts: number;
}

/**
 * Merges lists of entries by `id`: an entry added on either side is kept; one removed on one side
 * and unchanged on the other is removed; one changed on one side takes that change; one changed on
 * both sides is merged field by field. A conflict is left only where one entry was changed
 * differently on both sides, or removed on one side and changed on the other.
 */
export function mergeEntryLists(
  base: readonly MergeEntry[],
  ours: readonly MergeEntry[],
  theirs: readonly MergeEntry[],
  options: ListMergeOptions = {},
): ListMerge {
  const baseById = byId(base);
  const oursById = byId(ours);
  const theirsById = byId(theirs);
  const items: MergedItem[] = [];
  let conflicts = 0;
  const conflict = (left: MergeEntry | undefined, right: MergeEntry | undefined) => {
    items.push({ kind: 'conflict', ours: left, theirs: right });
    conflicts++;
  };

  // Ours' additions by what they stand for, so that theirs' additions of the same thing join them.
  const oursAdditions = new Map<string, number>();
  for (const entry of ours) {
    const id = entry['id'] as string;
    const inBase = baseById.get(id);
    const inTheirs = theirsById.get(id);
    if (inBase === undefined) {
      if (inTheirs === undefined) {
        if (options.additionKey !== undefined) {
          const key = options.additionKey(entry);
          if (!oursAdditions.has(key)) oursAdditions.set(key, items.length);
        }
        items.push({ kind: 'entry', entry });
      } else if (sameValue(entry, inTheirs)) {
        items.push({ kind: 'entry', entry });
      } else {
        // Both added an entry with this id (a cherry-picked commit, a hand-written id): merge
        // what they agree on, as additions of the same thing.
        const joined = joinAdditions(entry, inTheirs, options.provenanceKeys ?? ['id']);
        if (joined === undefined) conflict(entry, inTheirs);
        else items.push({ kind: 'entry', entry: joined });
      }
      continue;
    }
    if (inTheirs === undefined) {
      // Theirs removed it: removed, unless ours changed it meanwhile.
      if (!sameValue(inBase, entry)) conflict(entry, undefined);
      continue;
    }
    const merged = mergeEntry(inBase, entry, inTheirs, options);
    if (merged.ok) items.push({ kind: 'entry', entry: sameValue(merged.value, entry) ? entry : merged.value });
    else conflict(entry, inTheirs);
  }

  for (const entry of theirs) {
    const id = entry['id'] as string;
    if (oursById.has(id)) continue;
    const inBase = baseById.get(id);
    if (inBase !== undefined) {
      // Ours removed it: removed, unless theirs changed it meanwhile.
      if (!sameValue(inBase, entry)) conflict(undefined, entry);
      continue;
    }
    const key = options.additionKey?.(entry);
    const twin = key === undefined ? undefined : oursAdditions.get(key);
    if (twin === undefined) {
      items.push({ kind: 'entry', entry });
      continue;
    }
    oursAdditions.delete(key!);
    const mine = items[twin];
    if (mine.kind !== 'entry') continue;
    const joined = joinAdditions(mine.entry, entry, options.provenanceKeys ?? ['id']);
    if (joined !== undefined) {
      items[twin] = { kind: 'entry', entry: sameValue(joined, mine.entry) ? mine.entry : joined };
    } else {
      items[twin] = { kind: 'conflict', ours: mine.entry, theirs: entry };
      conflicts++;
    }
  }
  return { items, conflicts };
}

/**
 * Two additions of the same thing as one entry: ours' id and provenance, every other field from
 * whichever side has it; `undefined` when both have a field with different values.
 */
function joinAdditions(ours: MergeEntry, theirs: MergeEntry, provenanceKeys: readonly string[]): MergeEntry | undefined {
  const provenance = new Set(provenanceKeys);
  const joined: Record<string, unknown> = { ...ours };
  for (const key of Object.keys(theirs)) {
    const value = theirs[key];
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(joined, key) || joined[key] === undefined) setField(joined, key, value);
    else if (!provenance.has(key) && !sameValue(joined[key], value)) return undefined;
  }
  return joined;
}

/** Sets a field as own data, so a key named `__proto__` (kept as ordinary data by the reader) stays data. */
export function setField(record: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only where assignment would go wrong: it turns objects into slow dictionaries.
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function byId(entries: readonly MergeEntry[]): Map<string, MergeEntry> {
  return new Map(entries.map((entry) => [entry['id'] as string, entry]));
}

/**
 * Whether a value is a list the merge can key by id: every item a map with a string `id`, no id
 * twice. Anything else is merged as one value.
 */
export function isIdList(value: unknown): value is MergeEntry[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
    const id = (item as Record<string, unknown>)['id'];
    if (typeof id !== 'string' || ids.has(id)) return false;
    ids.add(id);
  }
  return true;
}
