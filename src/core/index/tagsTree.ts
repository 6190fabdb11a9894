/**
 * The model of the Tags view: entity type -> distinct entity -> mentions. The first level costs
 * the number of types; a type's entities are sorted once and kept until that type changes;
 * mentions are listed by file (in Corpus view order) and position, a page at a time.
 */
import type { CorpusIndex, Mention, TypeTotal } from './corpusIndex';
import type { EntityRecord } from './entityTable';
import { foldForSearch, parseEntityKey } from './normalise';
import { compareNames } from './treeOrder';

export type TagSort = 'count' | 'name';

export interface EntitySummary {
  readonly key: string;
  readonly type: string;
  /** The most frequent form as written. */
  readonly text: string;
  readonly mentions: number;
  readonly files: number;
}

export interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface PageOptions {
  readonly offset?: number;
  readonly limit?: number;
}

export class TagsTree {
  private readonly sorted = new Map<string, { version: number; ids: number[] }>();

  constructor(private readonly index: CorpusIndex) {}

  /** The first level: types with mentions, by name or by mentions (most first). */
  types(sort: TagSort = 'name'): TypeTotal[] {
    const types = [...this.index.summary().types];
    if (sort === 'count') types.sort((a, b) => b.mentions - a.mentions || compareNames(a.type, b.type));
    return types;
  }

  /** The entities of a type, a page at a time. */
  entities(type: string, sort: TagSort = 'count', page: PageOptions = {}): Page<EntitySummary> {
    const ids = this.sortedIds(type, sort);
    const offset = Math.max(0, page.offset ?? 0);
    const end = Math.min(ids.length, offset + Math.max(0, page.limit ?? ids.length));
    const items: EntitySummary[] = [];
    for (let at = offset; at < end; at++) items.push(this.summarise(this.index.table.entity(ids[at])!));
    return { total: ids.length, items };
  }

  entity(key: string): EntitySummary | undefined {
    const entity = this.find(key);
    return entity && this.summarise(entity);
  }

  /** Mentions of an entity by file (view order) and position, a page at a time. */
  mentions(key: string, page: PageOptions = {}): Page<Mention> {
    const entity = this.find(key);
    if (!entity) return { total: 0, items: [] };
    let skip = Math.max(0, page.offset ?? 0);
    let wanted = Math.max(0, page.limit ?? entity.count);
    const items: Mention[] = [];
    for (const fileId of sortedFilesOf(this.index, entity)) {
      if (wanted === 0) break;
      const inFile = entity.files.get(fileId) ?? 0;
      if (skip >= inFile) {
        skip -= inFile;
        continue;
      }
      const record = this.index.recordById(fileId)!;
      const forms = record.columns.forms;
      for (let index = 0; index < forms.length && wanted > 0; index++) {
        if (this.index.table.entityOfForm(forms[index]) !== entity.id) continue;
        if (skip > 0) skip--;
        else {
          items.push(this.index.mention(record, index));
          wanted--;
        }
      }
    }
    return { total: entity.count, items };
  }

  /** Annotation ids of an entity per file: what "change type of all" and "remove all" edit. */
  idsByFile(key: string): Map<string, string[]> {
    const result = new Map<string, string[]>();
    const entity = this.find(key);
    if (!entity) return result;
    for (const fileId of sortedFilesOf(this.index, entity)) {
      const record = this.index.recordById(fileId)!;
      const ids: string[] = [];
      record.columns.forms.forEach((form, index) => {
        if (this.index.table.entityOfForm(form) === entity.id) ids.push(record.columns.ids[index]);
      });
      result.set(record.path, ids);
    }
    return result;
  }

  /** The exact forms an entity is written in, most used first: what "tag untagged occurrences" looks for. */
  forms(key: string): { text: string; mentions: number }[] {
    const entity = this.find(key);
    if (!entity) return [];
    const table = this.index.table;
    return entity.forms
      .map((form) => ({ text: table.formTextOf(form), mentions: table.formMentions(form) }))
      .filter((form) => form.mentions > 0)
      .sort((a, b) => b.mentions - a.mentions);
  }

  private find(key: string): EntityRecord | undefined {
    const parsed = parseEntityKey(key);
    return parsed && this.index.table.find(parsed.type, parsed.text);
  }

  private summarise(entity: EntityRecord): EntitySummary {
    return { key: entity.key, type: entity.type, text: this.index.table.displayText(entity), mentions: entity.count, files: entity.files.size };
  }

  private sortedIds(type: string, sort: TagSort): number[] {
    const table = this.index.table;
    const typeId = table.knownTypeId(type);
    if (typeId === undefined) return [];
    const cacheKey = `${sort}:${type}`;
    const version = table.typeVersions[typeId];
    const cached = this.sorted.get(cacheKey);
    if (cached && cached.version === version) return cached.ids;
    // Sort positions over plain arrays: comparators that look things up per call are slow.
    const entities = [...table.entitiesOfType(typeId)].map((id) => table.entity(id)!);
    const keys = entities.map((entity) => this.sortKey(entity));
    const texts = entities.map((entity) => entity.text);
    const counts = entities.map((entity) => entity.count);
    const byName = (a: number, b: number) =>
      keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0;
    const order = Array.from(entities.keys()).sort(sort === 'count' ? (a, b) => counts[b] - counts[a] || byName(a, b) : byName);
    const ids = order.map((position) => entities[position].id);
    this.sorted.set(cacheKey, { version, ids });
    return ids;
  }

  /** Name order ignores case and accents (code-unit order of the folded text: fast and stable). */
  private sortKey(entity: EntityRecord): string {
    return (entity.sortKey ??= foldForSearch(entity.text));
  }
}

/** An entity's files in view order, kept on the entity until its set of files changes. */
export function sortedFilesOf(index: CorpusIndex, entity: EntityRecord): readonly number[] {
  // Files coming and going change ranks but not their order; they also change `files`, which clears this list.
  entity.sortedFiles ??= entity.files.fileIds().sort((a, b) => index.rank(a) - index.rank(b));
  return entity.sortedFiles;
}
