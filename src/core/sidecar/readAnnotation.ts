/**
 * Reads one entry of `annotations`. Strings must really be strings: YAML reads an unquoted
 * `True` as a boolean and `0123` as a number, and turning those back into text would silently
 * change what a person wrote, so they are reported instead.
 */
import type { Locator, Report } from './buildSidecar';
import { annotationKeyOrder, type Annotation, type AttributeValue, type Fragment, type SourcePosition } from './model';
import { entryFields } from './entryFields';
import { setOwn } from './readFlowValue';

const optionalStrings = ['note', 'annotator', 'created', 'prefix', 'suffix'] as const;

/** The annotation, or undefined (after reporting why) when the entry cannot be used. */
export function readAnnotation(entry: unknown, where: SourcePosition, locator: Locator, report: Report): Annotation | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    report('invalid-annotation', `Each annotation must be a mapping with id, type, start, end and text; found ${describeValue(entry)}.`, where);
    return undefined;
  }
  const fields = entryFields(entry as Record<string, unknown>, where, locator, report, 'annotation');
  const { record, fail, requiredString, offset } = fields;
  const annotation: Annotation = {
    id: requiredString('id'),
    type: requiredString('type'),
    start: offset('start'),
    end: offset('end'),
    text: requiredString('text'),
  };
  for (const key of optionalStrings) {
    const value = record[key];
    if (typeof value === 'string') annotation[key] = value;
    else if (value !== undefined) fail('invalid-field', `${key} must be a string in double quotes; found ${describeValue(value)}.`, key);
  }
  const fragments = record['fragments'];
  if (fragments !== undefined) {
    const read = readFragments(fragments);
    if (typeof read === 'string') fail('invalid-field', read, 'fragments');
    else annotation.fragments = read;
  }
  const attributes = record['attributes'];
  if (attributes !== undefined) {
    const read = readAttributes(attributes);
    if (typeof read === 'string') fail('invalid-field', read, 'attributes');
    else annotation.attributes = read;
  }
  const links = record['links'];
  if (links !== undefined) {
    const read = readLinks(links);
    if (typeof read === 'string') fail('invalid-field', read, 'links');
    else annotation.links = read;
  }
  for (const key of Object.keys(record)) {
    if ((annotationKeyOrder as readonly string[]).includes(key)) continue;
    annotation.extra ??= {};
    setOwn(annotation.extra, key, record[key]);
  }
  return fields.usable ? annotation : undefined;
}

/** A map of names to strings or `true` (binary attributes), or the message saying what is wrong. */
function readAttributes(value: unknown): Record<string, AttributeValue> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `attributes must be a mapping of names to strings (or true for a binary attribute); found ${describeValue(value)}.`;
  }
  const result: Record<string, AttributeValue> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === false) return `attribute ${JSON.stringify(key)} is false; a binary attribute is either true or left out.`;
    if (typeof item !== 'string' && item !== true) {
      return `attribute ${JSON.stringify(key)} must be a string in double quotes, or true for a binary attribute; found ${describeValue(item)}.`;
    }
    setOwn(result, key, item);
  }
  return result;
}

/** A list of `[start, end]` pairs of whole numbers, or the message saying what is wrong. */
function readFragments(value: unknown): Fragment[] | string {
  const wrong = (found: unknown) => `fragments must be a list of [start, end] pairs of whole numbers of code points; found ${describeValue(found)}.`;
  if (!Array.isArray(value)) return wrong(value);
  const result: Fragment[] = [];
  for (const item of value as unknown[]) {
    if (!Array.isArray(item) || item.length !== 2) return wrong(item);
    const [start, end] = item as unknown[];
    if (!isOffset(start)) return wrong(start);
    if (!isOffset(end)) return wrong(end);
    result.push([start, end]);
  }
  return result;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A list of strings (knowledge-base ids), or the message saying what is wrong. */
function readLinks(value: unknown): string[] | string {
  if (!Array.isArray(value)) return `links must be a list of knowledge-base ids like "wikidata:Q1365697"; found ${describeValue(value)}.`;
  for (const item of value as unknown[]) {
    if (typeof item !== 'string' || item === '') return `each link must be a knowledge-base id in double quotes, like "wikidata:Q1365697"; found ${describeValue(item)}.`;
  }
  return [...(value as string[])];
}

/** A short description of a wrong value for messages: `the boolean true`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)} (write "${String(value)}" in double quotes if you mean text)`;
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}
