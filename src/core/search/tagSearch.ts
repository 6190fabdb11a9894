/**
 * Search Tags: one query over every tag in the corpus, matching entity text, type, file and note,
 * typo- and accent-tolerant. Fuzzy scoring runs over distinct entities (not mentions), narrowed
 * by an n-gram index to a few hundred candidates first (see docs/search.md); the best matches are
 * then expanded to their mentions up to the limit. The structures follow the index through its
 * listener, entity by entity, so a file's update never rebuilds them.
 */
import Fuse from 'fuse.js';
import type { CorpusIndex } from '../index/corpusIndex';
import type { EntityRecord } from '../index/entityTable';
import type { FileRecord } from '../index/fileRecord';
import { foldForSearch } from '../index/normalise';
import { expandGroups, type Group, type MentionFilter, type SearchResult } from './expandGroups';
import { FuzzyMatcher } from './fuzzyMatcher';
import { parseQuery, type ParsedQuery } from './parseQuery';
import { searchSuggestions } from './suggestionSearch';

export interface SearchOptions {
  /** Most results (mentions) returned; 100 by default. */
  readonly limit?: number;
  /** Places each match gets before leftovers go to the best ones; 3 by default (1 when browsing entities). */
  readonly perGroup?: number;
}

/** Longest query text looked at: a pasted paragraph is not a name. */
const maximumQuery = 256;
/** Score added to kinds of match that are weaker evidence than the entity's own text. */
const notePenalty = 0.05;
const filePenalty = 0.1;
const typePenalty = 0.3;

export class TagSearch {
  private readonly entities = new FuzzyMatcher();
  private readonly fileNames = new FuzzyMatcher();
  private readonly notes = new FuzzyMatcher();
  private readonly foldedPaths = new Map<number, string>();
  private readonly stop: () => void;

  constructor(private readonly index: CorpusIndex) {
    const table = index.table;
    for (let typeId = 0; typeId < table.typeCount; typeId++) for (const id of table.entitiesOfType(typeId)) this.addEntity(id);
    for (const record of index.records()) this.addFile(record.id);
    for (const note of index.notes.ids()) this.addNote(note);
    this.stop = index.listen({
      entityAdded: (id) => this.addEntity(id),
      entityRemoved: (id) => this.entities.remove(id),
      fileAdded: (id) => this.addFile(id),
      fileRemoved: (id) => {
        this.fileNames.remove(id);
        this.foldedPaths.delete(id);
      },
      noteAdded: (id) => this.addNote(id),
      noteRemoved: (id) => this.notes.remove(id),
    });
  }

  /** Stops following the index. */
  dispose(): void {
    this.stop();
  }

  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const limit = Math.max(0, Math.floor(options.limit ?? 100));
    const files = parsed.files.map(foldForSearch).filter((value) => value !== '');
    const acceptsFile = (record: FileRecord) => files.length === 0 || files.some((value) => this.foldedPath(record).includes(value));
    if (parsed.suggestions === true) return searchSuggestions(this.index, { ...parsed, text: parsed.text.slice(0, maximumQuery) }, acceptsFile, limit);
    const typeIds = this.resolveTypes(parsed.types);
    if (limit === 0 || typeIds?.size === 0) return [];
    const filter: MentionFilter = {
      typeIds,
      notes: parsed.notes.map(foldForSearch).filter((value) => value !== ''),
      acceptsFile,
    };
    const text = foldForSearch(parsed.text.slice(0, maximumQuery));
    if (text !== '') return expandGroups(this.index, this.rank(text, filter, limit), filter, limit, options.perGroup ?? 3);
    if (files.length > 0) {
      const groups = this.index.paths().flatMap((path): Group[] => {
        const record = this.index.record(path)!;
        return filter.acceptsFile(record) ? [{ kind: 'file', id: record.id, score: 0, match: 'browse' }] : [];
      });
      return expandGroups(this.index, groups, filter, limit, options.perGroup ?? limit);
    }
    if (filter.notes.length > 0) {
      const groups = [...this.index.notes.ids()]
        .filter((id) => filter.notes.some((value) => this.notes.text(id)!.includes(value)))
        .map((id): Group => ({ kind: 'note', id, score: 0, match: 'browse' }));
      return expandGroups(this.index, groups, filter, limit, options.perGroup ?? limit);
    }
    const groups = this.topEntities(typeIds, limit).map((id): Group => ({ kind: 'entity', id, score: 0, match: 'browse' }));
    return expandGroups(this.index, groups, filter, limit, options.perGroup ?? 1);
  }

  /** Matches of the free text, best first: entity texts, then notes, files and types with a penalty. */
  private rank(text: string, filter: MentionFilter, limit: number): Group[] {
    const table = this.index.table;
    const { typeIds } = filter;
    const entityWeight = (id: number) => table.entity(id)?.count ?? 0;
    const groups: Group[] = this.entities
      .match(text, { accept: typeIds && ((id) => typeIds.has(table.entity(id)?.typeId ?? -1)), weight: entityWeight })
      .map(({ id, score }) => ({ kind: 'entity', id, score, match: 'text' }));
    // One or two letters say little about a note or a file name; entity names come first anyway.
    if (text.length >= 3) {
      for (const { id, score } of this.notes.match(text)) groups.push({ kind: 'note', id, score: score + notePenalty, match: 'note' });
      const fileWeight = (id: number) => this.index.recordById(id)?.count ?? 0;
      for (const { id, score } of this.fileNames.match(text, { weight: fileWeight })) groups.push({ kind: 'file', id, score: score + filePenalty, match: 'file' });
    }
    for (const { typeId, score } of this.matchTypes(text, typeIds)) {
      for (const id of this.topEntities(new Set([typeId]), limit)) groups.push({ kind: 'entity', id, score: score + typePenalty, match: 'type' });
    }
    const kindOrder = { entity: 0, note: 1, file: 2 };
    groups.sort((a, b) => a.score - b.score || kindOrder[a.kind] - kindOrder[b.kind]);
    // An entity matched by its text and by its type keeps its better place only.
    const seen = new Set<number>();
    return groups.filter((group) => group.kind !== 'entity' || (!seen.has(group.id) && !!seen.add(group.id)));
  }

  /** Types with mentions whose name the text matches (a prefix, or a near miss of three letters or more). */
  private matchTypes(text: string, typeIds: ReadonlySet<number> | undefined): { typeId: number; score: number }[] {
    const table = this.index.table;
    const found: { typeId: number; score: number }[] = [];
    for (let typeId = 0; typeId < table.typeCount; typeId++) {
      if (table.typeMentions[typeId] === 0 || (typeIds && !typeIds.has(typeId))) continue;
      const name = foldForSearch(table.typeName(typeId));
      if (name.startsWith(text)) found.push({ typeId, score: name === text ? 0 : 0.1 });
      else if (text.length >= 3) {
        const result = Fuse.match(text, name, { isCaseSensitive: true, threshold: 0.3, ignoreLocation: true });
        if (result.isMatch) found.push({ typeId, score: 0.1 + result.score });
      }
    }
    return found;
  }

  /** `type:` values: every type whose name starts with one, ignoring case. Undefined when there are none. */
  private resolveTypes(values: readonly string[]): Set<number> | undefined {
    if (values.length === 0) return undefined;
    const table = this.index.table;
    const wanted = values.map((value) => value.toLowerCase());
    const ids = new Set<number>();
    for (let typeId = 0; typeId < table.typeCount; typeId++) {
      const name = table.typeName(typeId).toLowerCase();
      if (wanted.some((value) => name.startsWith(value))) ids.add(typeId);
    }
    return ids;
  }

  /** The most mentioned entities of some types (all when undefined): most first, then by text and type. */
  private topEntities(typeIds: ReadonlySet<number> | undefined, count: number): number[] {
    const table = this.index.table;
    const before = (a: EntityRecord, b: EntityRecord) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
    if (count > 256) {
      const all = [...this.allowedEntities(typeIds)].map((id) => table.entity(id)!);
      return all.sort(before).slice(0, count).map((entity) => entity.id);
    }
    const top: EntityRecord[] = [];
    for (const id of this.allowedEntities(typeIds)) {
      const entity = table.entity(id)!;
      if (top.length === count && before(entity, top[top.length - 1]) >= 0) continue;
      // Insertion into a short sorted list: most entities fail the check above.
      let at = top.length;
      while (at > 0 && before(entity, top[at - 1]) < 0) at--;
      top.splice(at, 0, entity);
      if (top.length > count) top.pop();
    }
    return top.map((entity) => entity.id);
  }

  private *allowedEntities(typeIds: ReadonlySet<number> | undefined): Generator<number> {
    const table = this.index.table;
    for (let typeId = 0; typeId < table.typeCount; typeId++) if (!typeIds || typeIds.has(typeId)) yield* table.entitiesOfType(typeId);
  }

  private addEntity(id: number): void {
    const entity = this.index.table.entity(id);
    if (entity) this.entities.add(id, foldForSearch(entity.text));
  }

  private addFile(id: number): void {
    const record = this.index.recordById(id);
    if (!record) return;
    const name = record.path.slice(record.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    this.fileNames.add(id, foldForSearch(name.replace(/[-_.]+/g, ' ')));
    this.foldedPaths.delete(id);
  }

  private foldedPath(record: FileRecord): string {
    let folded = this.foldedPaths.get(record.id);
    if (folded === undefined) {
      folded = foldForSearch(record.path);
      this.foldedPaths.set(record.id, folded);
    }
    return folded;
  }

  private addNote(id: number): void {
    const text = this.index.notes.text(id);
    if (text !== undefined) this.notes.add(id, foldForSearch(text));
  }
}
