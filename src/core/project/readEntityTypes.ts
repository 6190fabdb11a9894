import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { defaultProjectConfig, fallbackColor, type EntityType, type ThemeColor } from './projectConfig';
import { describe, type ProjectReader } from './projectReader';
import { readTypeGuidance } from './readTypeGuidance';

export const typeNamePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
const keyPattern = /^[A-Za-z0-9]$/;
const colorPattern = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/**
 * The `types:` list. Broken entries are dropped (or lose only their broken field), so one typo
 * does not cost the annotator every other type; an absent, empty or wholly broken list gives the
 * default news types. Names and keys are unique ignoring case: `Person` next to `PERSON` is a
 * slip, and exports to tools that fold case would merge them.
 */
export function readEntityTypes(reader: ProjectReader, node: Node | null | undefined): EntityType[] {
  if (node === undefined || reader.isAlias(node)) return defaultProjectConfig().types;
  if (node === null || !isSeq(node) || node.items.length === 0) {
    const found = node === null ? 'nothing' : isSeq(node) ? 'an empty list' : describe(node);
    reader.report('project-types', `"types" must be a list of entity types, not ${found}; the default types are used.`, node);
    return defaultProjectConfig().types;
  }
  const types: EntityType[] = [];
  const pendingColors: { type: EntityType; missing: ('light' | 'dark')[] }[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const item of node.items as (Node | null)[]) {
    const read = readType(reader, item ?? node);
    if (!read) continue;
    const { type, nameNode, keyNode, missing } = read;
    if (names.has(type.name.toLowerCase())) {
      reader.report('project-duplicate-type', `Entity type "${type.name}" is defined twice (names ignore case); the first one is used.`, nameNode);
      continue;
    }
    names.add(type.name.toLowerCase());
    if (type.key !== undefined) {
      if (keys.has(type.key.toLowerCase())) {
        reader.report('project-duplicate-type-key', `Key "${type.key}" of "${type.name}" is already taken by another type (keys ignore case); it is left unset.`, keyNode);
        delete type.key;
      } else keys.add(type.key.toLowerCase());
    }
    types.push(type);
    if (missing.length > 0) pendingColors.push({ type, missing });
  }
  // Fallback colours go last, so they avoid every colour the file did choose.
  const used = new Set(types.map((type) => type.color.light).filter((light) => light !== ''));
  pendingColors.forEach(({ type, missing }, index) => {
    const color = fallbackColor(type.name, used, index);
    for (const theme of missing) type.color[theme] = color[theme];
    used.add(type.color.light);
  });
  return types.length > 0 ? types : defaultProjectConfig().types;
}

interface ReadType {
  type: EntityType;
  nameNode: Node;
  keyNode: Node | undefined;
  missing: ('light' | 'dark')[];
}

function readType(reader: ProjectReader, item: Node): ReadType | undefined {
  if (reader.isAlias(item)) return undefined;
  // `- PERSON` is shorthand for a type with only a name.
  if (isScalar(item) && typeof item.value === 'string') {
    const name = checkName(reader, item.value, item);
    return name === undefined ? undefined : { type: { name, color: { light: '', dark: '' } }, nameNode: item, keyNode: undefined, missing: ['light', 'dark'] };
  }
  if (!isMap(item)) {
    reader.report('project-type', `Each entity type must be a mapping with at least a "name", not ${describe(item)}; it is ignored.`, item);
    return undefined;
  }
  const entries = reader.entries(item, 'an entity type', ['name', 'key', 'color', 'description', 'definition', 'examples', 'notExamples']);
  const nameEntry = entries.get('name');
  if (!nameEntry) {
    reader.report('project-type-name', 'Entity type has no "name"; it is ignored.', item);
    return undefined;
  }
  const text = reader.string(nameEntry.value, 'The type name', 'project-type-name', nameEntry.key);
  const name = text === undefined ? undefined : checkName(reader, text, nameEntry.value ?? nameEntry.key);
  if (name === undefined) return undefined;

  const type: EntityType = { name, color: { light: '', dark: '' } };
  const keyEntry = entries.get('key');
  const key = keyEntry ? readKey(reader, keyEntry.value ?? keyEntry.key, name) : undefined;
  if (key !== undefined) type.key = key;
  const colorEntry = entries.get('color');
  const missing = readColor(reader, colorEntry?.value, colorEntry?.key, type.color, name);
  const descriptionEntry = entries.get('description');
  if (descriptionEntry) {
    const description = reader.string(descriptionEntry.value, `The description of "${name}"`, 'project-description', descriptionEntry.key);
    if (description !== undefined) type.description = description;
  }
  readTypeGuidance(reader, entries, type);
  return { type, nameNode: nameEntry.value ?? nameEntry.key, keyNode: keyEntry?.value ?? keyEntry?.key, missing };
}

function checkName(reader: ProjectReader, name: string, at: Node): string | undefined {
  if (typeNamePattern.test(name)) return name;
  reader.report('project-type-name', `Entity type name "${name}" must start with a letter and hold only letters, digits, "_" and "-" (no spaces); it is ignored.`, at);
  return undefined;
}

function readKey(reader: ProjectReader, node: Node, name: string): string | undefined {
  if (reader.isAlias(node)) return undefined;
  // `key: 1` reads as a number; a digit is still a fine key.
  const value = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
  if (value !== undefined && keyPattern.test(value)) return value;
  reader.report('project-type-key', `Key of "${name}" must be one letter or digit, not ${describe(node)}; it is left unset.`, node);
  return undefined;
}

/** Fills `color` from the node and returns which themes still need a fallback colour. */
function readColor(reader: ProjectReader, node: Node | null | undefined, keyNode: Node | undefined, color: ThemeColor, name: string): ('light' | 'dark')[] {
  if (node === undefined || reader.isAlias(node)) return ['light', 'dark'];
  // One colour for both themes is allowed; the file's author takes on readability then.
  if (node && isScalar(node) && typeof node.value === 'string') {
    const single = checkColor(reader, node, `Colour of "${name}"`);
    if (single === undefined) return ['light', 'dark'];
    color.light = color.dark = single;
    return [];
  }
  if (!node || !isMap(node)) {
    reader.report('project-color', `Colour of "${name}" must be "#rrggbb" or a mapping with "light" and "dark", not ${node ? describe(node) : 'nothing'}; a default colour is used.${quoteHint(node)}`, node ?? keyNode);
    return ['light', 'dark'];
  }
  const entries = reader.entries(node, `the colour of "${name}"`, ['light', 'dark']);
  const missing: ('light' | 'dark')[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const entry = entries.get(theme);
    const value = entry ? checkColor(reader, entry.value ?? entry.key, `The ${theme} colour of "${name}"`, entry.value === null) : undefined;
    if (!entry) reader.report('project-color', `Colour of "${name}" has no "${theme}" value; a default colour is used for ${theme} themes.`, node, 'warning');
    if (value === undefined) missing.push(theme);
    else color[theme] = value;
  }
  return missing;
}

/** A colour as lower-case `#rrggbb` (so callers can append an alpha byte), or undefined. */
function checkColor(reader: ProjectReader, node: Node, what: string, empty = false): string | undefined {
  if (reader.isAlias(node)) return undefined;
  const value = !empty && isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined;
  if (empty) {
    reader.report('project-color', `${what} is empty; a default colour is used.${quoteHint(null)}`, node);
    return undefined;
  }
  if (value === undefined || !colorPattern.test(value)) {
    reader.report('project-color', `${what} must be a colour like "#1f77b4" or "#17b", not ${describe(node)}; a default colour is used.${quoteHint(node)}`, node);
    return undefined;
  }
  const digits = value.slice(1).toLowerCase();
  return '#' + (digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits);
}

/** `color: #1f77b4` unquoted is a comment, so the value is empty: say so, it is the usual slip. */
function quoteHint(node: Node | null): string {
  const empty = node === null || (isScalar(node) && node.value === null);
  return empty ? ' Put colours in quotes ("#1f77b4"): unquoted, "#" starts a YAML comment.' : '';
}
