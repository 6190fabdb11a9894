/**
 * Reads one entry of `annotations`. Strings must really be strings: YAML reads an unquoted
 * `True` as a boolean and `0123` as a number, and turning those back into text would silently
 * change what a person wrote, so they are reported instead.
 */
import type { ProblemCode } from '../problem';
import type { Locator, Report } from './buildSidecar';
import { annotationKeyOrder, type Annotation, type SourcePosition } from './model';
import { setOwn } from './readFlowValue';

const optionalStrings = ['note', 'annotator', 'created', 'prefix', 'suffix'] as const;

/** The annotation, or undefined (after reporting why) when the entry cannot be used. */
export function readAnnotation(entry: unknown, where: SourcePosition, locator: Locator, report: Report): Annotation | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    report('invalid-annotation', `Each annotation must be a mapping with id, type, start, end and text; found ${describeValue(entry)}.`, where);
    return undefined;
  }
  const record = entry as Record<string, unknown>;
  const at = (key: string) => (key in record ? locator.at(record, key) : where);
  let usable = true;
  const fail = (code: ProblemCode, message: string, key: string) => {
    report(code, message, at(key));
    usable = false;
  };

  const requiredString = (key: 'id' | 'type' | 'text'): string => {
    const value = record[key];
    if (typeof value === 'string' && (key === 'text' || value !== '')) return value;
    if (value === undefined) fail('missing-field', `The annotation has no ${key}.`, key);
    else if (typeof value === 'string') fail('invalid-field', `${key} must not be empty.`, key);
    else fail('invalid-field', `${key} must be a string in double quotes; found ${describeValue(value)}.`, key);
    return '';
  };
  const offset = (key: 'start' | 'end'): number => {
    const value = record[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    if (value === undefined) fail('missing-field', `The annotation has no ${key}.`, key);
    else fail('invalid-field', `${key} must be a whole number of code points, 0 or more; found ${describeValue(value)}.`, key);
    return 0;
  };

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
  const attributes = record['attributes'];
  if (attributes !== undefined) {
    const read = readAttributes(attributes);
    if (typeof read === 'string') fail('invalid-field', read, 'attributes');
    else annotation.attributes = read;
  }
  for (const key of Object.keys(record)) {
    if ((annotationKeyOrder as readonly string[]).includes(key)) continue;
    annotation.extra ??= {};
    setOwn(annotation.extra, key, record[key]);
  }
  return usable ? annotation : undefined;
}

/** A map of string to string, or the message saying what is wrong with it. */
function readAttributes(value: unknown): Record<string, string> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `attributes must be a mapping of names to strings; found ${describeValue(value)}.`;
  }
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item !== 'string') {
      return `attribute ${JSON.stringify(key)} must be a string in double quotes; found ${describeValue(item)}.`;
    }
    setOwn(result, key, item);
  }
  return result;
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
