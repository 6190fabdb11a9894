/**
 * Turning ranked matches (an entity, a file, a note) into the mentions the user picks from. Each
 * group first gets a few places, in rank order, so one frequent entity cannot hide every other
 * match; places left over then go to the groups in rank order again. Mentions are produced
 * lazily, so the work is proportional to the results shown, not to the matches' sizes.
 */
import type { CorpusIndex, Mention } from '../index/corpusIndex';
import type { FileRecord } from '../index/fileRecord';
import { foldForSearch } from '../index/normalise';
import { sortedFilesOf } from '../index/tagsTree';

export type MatchKind = 'text' | 'type' | 'file' | 'note' | 'browse';

export interface Group {
  readonly kind: 'entity' | 'file' | 'note';
  readonly id: number;
  /** 0 best, as fuse.js scores. */
  readonly score: number;
  readonly match: MatchKind;
}

export interface SearchResult extends Mention {
  readonly score: number;
  /** What the query matched: the entity's text, its type, the file, the note, or nothing (browsing). */
  readonly match: MatchKind;
  /** An open suggestion (`is:suggestion`), not a tag. */
  readonly suggestion?: true;
}

/** Which mentions the filters of a query let through. */
export interface MentionFilter {
  readonly typeIds: ReadonlySet<number> | undefined;
  acceptsFile(record: FileRecord): boolean;
  /** Folded note filters; empty when there are none. */
  readonly notes: readonly string[];
}

export function accepts(index: CorpusIndex, filter: MentionFilter, record: FileRecord, at: number): boolean {
  const { forms, notes } = record.columns;
  if (filter.typeIds && !filter.typeIds.has(index.table.formTypeId(forms[at]))) return false;
  if (filter.notes.length === 0) return true;
  const note = notes?.get(at);
  if (note === undefined) return false;
  const folded = foldForSearch(note);
  return filter.notes.some((value) => folded.includes(value));
}

export function expandGroups(index: CorpusIndex, groups: readonly Group[], filter: MentionFilter, limit: number, perGroup: number): SearchResult[] {
  const taken: [FileRecord, number][][] = [];
  const sources: Iterator<[FileRecord, number]>[] = [];
  const seen = new Set<string>();
  let total = 0;
  const take = (at: number, wanted: number) => {
    sources[at] ??= mentionsOf(index, groups[at], filter);
    taken[at] ??= [];
    while (wanted > 0 && total < limit) {
      const next = sources[at].next();
      if (next.done) return;
      const key = `${next.value[0].id}:${next.value[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      taken[at].push(next.value);
      total++;
      wanted--;
    }
  };
  for (let at = 0; at < groups.length && total < limit; at++) take(at, perGroup);
  for (let at = 0; at < groups.length && total < limit; at++) take(at, limit);
  const results: SearchResult[] = [];
  taken.forEach((mentions, at) => {
    for (const [record, position] of mentions) results.push({ ...index.mention(record, position), score: groups[at].score, match: groups[at].match });
  });
  return results;
}

function* mentionsOf(index: CorpusIndex, group: Group, filter: MentionFilter): Generator<[FileRecord, number]> {
  if (group.kind === 'file') {
    const record = index.recordById(group.id);
    if (record && filter.acceptsFile(record)) yield* matching(index, record, filter, () => true);
    return;
  }
  if (group.kind === 'note') {
    const text = index.notes.text(group.id);
    const files = [...index.notes.files(group.id).keys()].map((id) => index.recordById(id)!).sort((a, b) => index.rank(a.id) - index.rank(b.id));
    for (const record of files) {
      if (filter.acceptsFile(record)) yield* matching(index, record, filter, (at) => record.columns.notes?.get(at) === text);
    }
    return;
  }
  const entity = index.table.entity(group.id);
  if (!entity) return;
  for (const fileId of sortedFilesOf(index, entity)) {
    const record = index.recordById(fileId)!;
    if (filter.acceptsFile(record)) yield* matching(index, record, filter, (at) => index.table.entityOfForm(record.columns.forms[at]) === entity.id);
  }
}

function* matching(index: CorpusIndex, record: FileRecord, filter: MentionFilter, wanted: (at: number) => boolean): Generator<[FileRecord, number]> {
  for (let at = 0; at < record.count; at++) {
    if (wanted(at) && accepts(index, filter, record, at)) yield [record, at];
  }
}
