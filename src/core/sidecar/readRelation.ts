/**
 * Reads one entry of `relations`. Like annotations, strings must really be strings, and an entry
 * that cannot be used is reported and left out (so the file is not written back over it).
 */
import type { Locator, Report } from './buildSidecar';
import { relationKeyOrder, type Relation, type SourcePosition } from './model';
import { entryFields } from './entryFields';
import { setOwn } from './readFlowValue';
import { describeValue } from './readAnnotation';

const optionalStrings = ['note', 'annotator', 'created'] as const;

/** The relation, or undefined (after reporting why) when the entry cannot be used. */
export function readRelation(entry: unknown, where: SourcePosition, locator: Locator, report: Report): Relation | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    report('invalid-relation', `Each relation must be a mapping with id, type, from and to; found ${describeValue(entry)}.`, where);
    return undefined;
  }
  const fields = entryFields(entry as Record<string, unknown>, where, locator, report, 'relation');
  const { record, fail, requiredString } = fields;
  const relation: Relation = { id: requiredString('id'), type: requiredString('type'), from: requiredString('from'), to: requiredString('to') };
  const role = record['role'];
  if (role === true) relation.role = true;
  else if (role !== undefined) fail('invalid-field', `role must be true (an event's argument) or left out; found ${describeValue(role)}.`, 'role');
  for (const key of optionalStrings) {
    const value = record[key];
    if (typeof value === 'string') relation[key] = value;
    else if (value !== undefined) fail('invalid-field', `${key} must be a string in double quotes; found ${describeValue(value)}.`, key);
  }
  for (const key of Object.keys(record)) {
    if ((relationKeyOrder as readonly string[]).includes(key)) continue;
    relation.extra ??= {};
    setOwn(relation.extra, key, record[key]);
  }
  return fields.usable ? relation : undefined;
}
