/**
 * The parts of the project file that describe more than entity types: `relations:` (relation
 * types with the entity types allowed at each end), `attributes:` (names, with their values or
 * none for a binary attribute), `kbPrefixes:` and `kbLookup:`. As with types, a broken entry is
 * reported and left out; the rest is used.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { AttributeDeclaration, EntityType, RelationType } from './projectConfig';
import { describe, type ProjectReader } from './projectReader';
import { typeNamePattern } from './readEntityTypes';

/** Attribute values and KB prefixes end up in brat lines, where a space splits fields. */
const valuePattern = /^\S+$/;
const prefixPattern = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function readRelationTypes(reader: ProjectReader, node: Node | null | undefined, types: readonly EntityType[]): RelationType[] | undefined {
  const items = list(reader, node, 'relations', 'relation types');
  if (items === undefined) return undefined;
  const known = new Set(types.map((type) => type.name));
  const result: RelationType[] = [];
  for (const item of items) {
    const entry = named(reader, item, 'relation type', ['name', 'from', 'to', 'description'], 'project-relations');
    if (entry === undefined) continue;
    if (result.some((relation) => relation.name === entry.name)) {
      reader.report('project-relations', `Relation type "${entry.name}" is defined twice; the first one is used.`, item);
      continue;
    }
    const relation: RelationType = { name: entry.name };
    for (const end of ['from', 'to'] as const) {
      const value = entry.entries.get(end);
      if (value === undefined) continue;
      const names = stringList(reader, value.value ?? value.key, `"${end}" of relation "${entry.name}"`, 'project-relations');
      if (names === undefined) continue;
      for (const name of names) {
        if (!known.has(name)) reader.report('project-relations', `"${name}" in "${end}" of relation "${entry.name}" is not one of the entity types.`, value.value ?? value.key, 'warning');
      }
      relation[end] = names;
    }
    const description = entry.entries.get('description');
    if (description) {
      const text = reader.string(description.value, `The description of "${entry.name}"`, 'project-relations', description.key);
      if (text !== undefined) relation.description = text;
    }
    result.push(relation);
  }
  return result;
}

export function readAttributeDeclarations(reader: ProjectReader, node: Node | null | undefined): AttributeDeclaration[] | undefined {
  const items = list(reader, node, 'attributes', 'attributes');
  if (items === undefined) return undefined;
  const result: AttributeDeclaration[] = [];
  for (const item of items) {
    const entry = named(reader, item, 'attribute', ['name', 'values', 'description'], 'project-attributes');
    if (entry === undefined) continue;
    if (result.some((attribute) => attribute.name === entry.name)) {
      reader.report('project-attributes', `Attribute "${entry.name}" is defined twice; the first one is used.`, item);
      continue;
    }
    const attribute: AttributeDeclaration = { name: entry.name };
    const values = entry.entries.get('values');
    if (values !== undefined) {
      const read = stringList(reader, values.value ?? values.key, `"values" of attribute "${entry.name}"`, 'project-attributes');
      const usable = read?.filter((value) => {
        if (valuePattern.test(value)) return true;
        reader.report('project-attributes', `Value "${value}" of attribute "${entry.name}" must not be empty or hold spaces; it is left out.`, values.value ?? values.key);
        return false;
      });
      if (usable !== undefined && usable.length > 0) attribute.values = usable;
    }
    const description = entry.entries.get('description');
    if (description) {
      const text = reader.string(description.value, `The description of "${entry.name}"`, 'project-attributes', description.key);
      if (text !== undefined) attribute.description = text;
    }
    result.push(attribute);
  }
  return result;
}

export function readKbPrefixes(reader: ProjectReader, node: Node | null | undefined): string[] | undefined {
  if (node === undefined) return undefined;
  const names = stringList(reader, node ?? null, '"kbPrefixes"', 'project-kb');
  return names?.filter((name) => {
    if (prefixPattern.test(name)) return true;
    reader.report('project-kb', `KB prefix "${name}" must start with a letter and hold only letters, digits, "_", "." and "-"; it is left out.`, node);
    return false;
  });
}

export function readKbLookup(reader: ProjectReader, node: Node | null | undefined, keyNode: Node | undefined): string | undefined {
  if (node === undefined || keyNode === undefined) return undefined;
  const path = reader.string(node, '"kbLookup"', 'project-kb', keyNode);
  if (path === undefined) return undefined;
  if (path === '' || path.startsWith('/') || /(^|[\\/])\.\.([\\/]|$)/.test(path)) {
    reader.report('project-kb', `"kbLookup" must be a path inside the corpus folder, like "kb/wikidata.tsv"; it is ignored.`, node ?? keyNode);
    return undefined;
  }
  return path;
}

function list(reader: ProjectReader, node: Node | null | undefined, key: string, what: string): Node[] | undefined {
  if (node === undefined || reader.isAlias(node)) return undefined;
  if (node === null || !isSeq(node)) {
    reader.report(key === 'relations' ? 'project-relations' : 'project-attributes', `"${key}" must be a list of ${what}, not ${node === null ? 'nothing' : describe(node)}; it is ignored.`, node);
    return undefined;
  }
  return (node.items as (Node | null)[]).map((item) => item ?? node);
}

/** A `- name` item or a mapping with a `name`, its name checked like a type name. */
function named(
  reader: ProjectReader,
  item: Node,
  what: string,
  allowed: readonly string[],
  code: 'project-relations' | 'project-attributes',
): { name: string; entries: ReturnType<ProjectReader['entries']> } | undefined {
  if (reader.isAlias(item)) return undefined;
  let name: string | undefined;
  let entries: ReturnType<ProjectReader['entries']> = new Map();
  let at: Node = item;
  if (isScalar(item) && typeof item.value === 'string') name = item.value;
  else if (isMap(item)) {
    entries = reader.entries(item, `a ${what}`, allowed);
    const entry = entries.get('name');
    if (entry === undefined) {
      reader.report(code, `The ${what} has no "name"; it is ignored.`, item);
      return undefined;
    }
    name = reader.string(entry.value, `The ${what} name`, code, entry.key);
    at = entry.value ?? entry.key;
  } else {
    reader.report(code, `Each ${what} must be a name or a mapping with a "name", not ${describe(item)}; it is ignored.`, item);
    return undefined;
  }
  if (name === undefined) return undefined;
  if (!typeNamePattern.test(name)) {
    reader.report(code, `The ${what} name "${name}" must start with a letter and hold only letters, digits, "_" and "-"; it is ignored.`, at);
    return undefined;
  }
  return { name, entries };
}

/** A list of strings (or one string, read as a list of one). */
function stringList(reader: ProjectReader, node: Node | null, what: string, code: 'project-relations' | 'project-attributes' | 'project-kb'): string[] | undefined {
  if (reader.isAlias(node)) return undefined;
  if (node !== null && isScalar(node) && typeof node.value === 'string') return [node.value];
  if (node === null || !isSeq(node)) {
    reader.report(code, `${what} must be a list of names, not ${node === null ? 'nothing' : describe(node)}; it is ignored.`, node);
    return undefined;
  }
  const names: string[] = [];
  for (const item of node.items as (Node | null)[]) {
    if (item !== null && isScalar(item) && typeof item.value === 'string') names.push(item.value);
    else reader.report(code, `${what} must hold only names, not ${item === null ? 'nothing' : describe(item)}; that item is left out.`, item ?? node);
  }
  return names;
}
