/**
 * The distinct things the corpus mentions, with reference counts so that one file's update costs
 * only that file's size. Three levels:
 * - types (`PERSON`), interned to small numbers and never forgotten;
 * - forms: a (type, exact text) pair as written in sidecars, shared by all its mentions;
 * - entities: the forms of one type whose normalised text (normalise.ts) is equal.
 * Mentions themselves are stored by the files (fileRecord.ts) as form numbers.
 */
import type { IndexListeners } from './indexListener';
import { FileCounts } from './fileCounts';
import { entityKey, normaliseSurface } from './normalise';
import { ownString } from '../text/ownString';

export class EntityRecord {
  /** Mentions in the whole corpus. */
  count = 0;
  /** Mentions per file id. */
  readonly files = new FileCounts();
  /** Form ids of this entity (usually one or two). */
  readonly forms: number[] = [];
  /** `files` keys sorted by path, kept until the set of files changes (see tagsTree.ts). */
  sortedFiles: number[] | undefined;
  /** The folded text, for sorting by name; made when first needed. */
  sortKey: string | undefined;
  private publicKey: string | undefined;

  constructor(
    readonly id: number,
    readonly typeId: number,
    readonly type: string,
    /** The normalised surface form. */
    readonly text: string,
  ) {}

  get key(): string {
    return (this.publicKey ??= entityKey(this.type, this.text));
  }
}

export class EntityTable {
  private readonly typeNames: string[] = [];
  private readonly typeIds = new Map<string, number>();
  /** Per type id: mentions, live entities, and a number that changes whenever either does. */
  readonly typeMentions: number[] = [];
  readonly typeEntities: Set<number>[] = [];
  readonly typeVersions: number[] = [];

  // Forms as parallel arrays: a million mentions share about a hundred thousand of them.
  private readonly formType: number[] = [];
  private readonly formText: string[] = [];
  private readonly formEntity: number[] = [];
  private readonly formCount: number[] = [];
  private readonly freeForms: number[] = [];
  /** Forms released so far: while it stands still, a form id names the form it was given for. */
  private formReleases = 0;
  private readonly formsByText: Map<string, number>[] = [];

  private readonly entities: (EntityRecord | undefined)[] = [];
  private readonly freeEntities: number[] = [];
  private readonly entitiesByText: Map<string, number>[] = [];
  /** Scratch for one update: mentions per entity id in the file at hand, and which ids are set. */
  private scratchCounts = new Int32Array(1024);
  private readonly scratchIds: number[] = [];

  constructor(private readonly listeners: IndexListeners) {}

  typeId(type: string): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.typeNames.length;
      this.typeIds.set(type, id);
      this.typeNames.push(type);
      this.typeMentions.push(0);
      this.typeEntities.push(new Set());
      this.typeVersions.push(0);
      this.formsByText.push(new Map());
      this.entitiesByText.push(new Map());
    }
    return id;
  }

  knownTypeId(type: string): number | undefined {
    return this.typeIds.get(type);
  }

  typeName(typeId: number): string {
    return this.typeNames[typeId];
  }

  get typeCount(): number {
    return this.typeNames.length;
  }

  /** The form of (type, text), created (with no mentions yet) when new. */
  internForm(type: string, text: string): number {
    const typeId = this.typeId(type);
    const forms = this.formsByText[typeId];
    const known = forms.get(text);
    if (known !== undefined) return known;
    // Kept as long as the form lives: a copy, not a view into the sidecar it was read from.
    text = ownString(text);
    const id = this.freeForms.pop() ?? this.formType.length;
    const entity = this.entityFor(typeId, text);
    this.formType[id] = typeId;
    this.formText[id] = text;
    this.formEntity[id] = entity.id;
    this.formCount[id] = 0;
    forms.set(text, id);
    entity.forms.push(id);
    return id;
  }

  /** Form ids handed out so far, live or free: none in a new table. */
  get formIds(): number {
    return this.formType.length;
  }

  /** How many forms were ever released (their ids may since name other forms). */
  get releasedForms(): number {
    return this.formReleases;
  }

  /**
   * Forgets every form nothing mentions: forms interned ahead of the files that were to mention
   * them (the index cache does this) and never counted in, because those files changed.
   */
  releaseUnmentioned(): void {
    for (let form = 0; form < this.formText.length; form++) {
      if (this.formText[form] !== undefined && this.formCount[form] === 0) this.releaseForm(form);
    }
  }

  formTypeName(form: number): string {
    return this.typeNames[this.formType[form]];
  }

  formTypeId(form: number): number {
    return this.formType[form];
  }

  formTextOf(form: number): string {
    return this.formText[form];
  }

  formMentions(form: number): number {
    return this.formCount[form];
  }

  entityOfForm(form: number): number {
    return this.formEntity[form];
  }

  /** A live entity (one with mentions), or undefined. */
  entity(id: number): EntityRecord | undefined {
    const entity = this.entities[id];
    return entity !== undefined && entity.count > 0 ? entity : undefined;
  }

  /** The live entity of a type and normalised text. */
  find(type: string, normalisedText: string): EntityRecord | undefined {
    const typeId = this.typeIds.get(type);
    if (typeId === undefined) return undefined;
    const id = this.entitiesByText[typeId].get(normalisedText);
    return id === undefined ? undefined : this.entity(id);
  }

  /**
   * The most frequent exact form of an entity. Among equally frequent forms, the greatest in
   * code-unit order, which prefers lower case to capitals and composed accents to decomposed
   * ones, and does not depend on the order files were read in.
   */
  displayText(entity: EntityRecord): string {
    let best = entity.forms[0];
    for (const form of entity.forms) {
      const difference = this.formCount[form] - this.formCount[best];
      if (difference > 0 || (difference === 0 && this.formText[form] > this.formText[best])) best = form;
    }
    return this.formText[best];
  }

  /** Counts a file's mentions in, adding each entity whose count changed to `touched`. */
  addMentions(file: number, forms: ArrayLike<number>, touched: EntityRecord[]): void {
    const ids = this.countPerEntity(forms, 1);
    for (const id of ids) {
      const count = this.scratchCounts[id];
      this.scratchCounts[id] = 0;
      const entity = this.entities[id]!;
      const isNew = entity.count === 0;
      entity.count += count;
      this.typeMentions[entity.typeId] += count;
      this.typeVersions[entity.typeId]++;
      if (entity.files.add(file, count)) entity.sortedFiles = undefined;
      touched.push(entity);
      if (isNew) {
        this.typeEntities[entity.typeId].add(id);
        this.listeners.emit('entityAdded', id);
      }
    }
    ids.length = 0;
  }

  /** Counts a file's mentions out, forgetting forms and entities left without any. */
  removeMentions(file: number, forms: ArrayLike<number>, touched: EntityRecord[]): void {
    const ids = this.countPerEntity(forms, -1);
    for (const id of ids) {
      const count = this.scratchCounts[id];
      this.scratchCounts[id] = 0;
      const entity = this.entities[id]!;
      entity.count -= count;
      this.typeMentions[entity.typeId] -= count;
      this.typeVersions[entity.typeId]++;
      if (entity.files.subtract(file, count)) entity.sortedFiles = undefined;
      touched.push(entity);
    }
    ids.length = 0;
    for (let index = 0; index < forms.length; index++) {
      const form = forms[index];
      if (this.formCount[form] === 0 && this.formText[form] !== undefined) this.releaseForm(form);
    }
  }

  /** Every live entity of a type. */
  entitiesOfType(typeId: number): ReadonlySet<number> {
    return this.typeEntities[typeId] ?? new Set();
  }

  /** Fills the scratch with mentions per entity; returns the entity ids it set. */
  private countPerEntity(forms: ArrayLike<number>, step: number): number[] {
    if (this.scratchCounts.length < this.entities.length) this.scratchCounts = new Int32Array(this.entities.length * 2);
    const counts = this.scratchCounts;
    const ids = this.scratchIds;
    for (let index = 0; index < forms.length; index++) {
      const form = forms[index];
      this.formCount[form] += step;
      const entity = this.formEntity[form];
      if (counts[entity]++ === 0) ids.push(entity);
    }
    return ids;
  }


  private entityFor(typeId: number, text: string): EntityRecord {
    const normalised = normaliseSurface(text);
    const byText = this.entitiesByText[typeId];
    const known = byText.get(normalised);
    if (known !== undefined) return this.entities[known]!;
    const id = this.freeEntities.pop() ?? this.entities.length;
    const entity = new EntityRecord(id, typeId, this.typeNames[typeId], normalised);
    this.entities[id] = entity;
    byText.set(normalised, id);
    return entity;
  }

  private releaseForm(form: number): void {
    const typeId = this.formType[form];
    this.formsByText[typeId].delete(this.formText[form]);
    const entity = this.entities[this.formEntity[form]]!;
    entity.forms.splice(entity.forms.indexOf(form), 1);
    this.formText[form] = undefined as unknown as string;
    this.freeForms.push(form);
    this.formReleases++;
    if (entity.forms.length === 0) {
      // Its last form is gone, so it has no mentions left either.
      this.typeEntities[typeId].delete(entity.id);
      this.entitiesByText[typeId].delete(entity.text);
      this.listeners.emit('entityRemoved', entity.id);
      this.entities[entity.id] = undefined;
      this.freeEntities.push(entity.id);
    }
  }
}
