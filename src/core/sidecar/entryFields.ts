/**
 * The field checks every list entry of a sidecar shares (annotations, relations, suggestions):
 * strings must really be strings, offsets whole numbers, and each failure is reported at its
 * field and makes the entry unusable (so the file is not written back over it).
 */
import type { ProblemCode } from '../problem';
import type { Locator, Report } from './buildSidecar';
import type { SourcePosition } from './model';
import { describeValue } from './readAnnotation';

export interface EntryFields {
  readonly record: Record<string, unknown>;
  /** False once any field failed. */
  readonly usable: boolean;
  readonly fail: (code: ProblemCode, message: string, key: string) => void;
  /** A non-empty string (`text` may be empty: a span of nothing is reported elsewhere). */
  readonly requiredString: (key: string) => string;
  /** A code-point offset: a whole number, 0 or more. */
  readonly offset: (key: string) => number;
}

/** `noun` names the entry in messages: "The annotation has no id." */
export function entryFields(record: Record<string, unknown>, where: SourcePosition, locator: Locator, report: Report, noun: string): EntryFields {
  let usable = true;
  const at = (key: string) => (key in record ? locator.at(record, key) : where);
  const fail = (code: ProblemCode, message: string, key: string) => {
    report(code, message, at(key));
    usable = false;
  };
  return {
    record,
    get usable() {
      return usable;
    },
    fail,
    requiredString: (key) => {
      const value = record[key];
      if (typeof value === 'string' && (key === 'text' || value !== '')) return value;
      if (value === undefined) fail('missing-field', `The ${noun} has no ${key}.`, key);
      else if (typeof value === 'string') fail('invalid-field', `${key} must not be empty.`, key);
      else fail('invalid-field', `${key} must be a string in double quotes; found ${describeValue(value)}.`, key);
      return '';
    },
    offset: (key) => {
      const value = record[key];
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
      if (value === undefined) fail('missing-field', `The ${noun} has no ${key}.`, key);
      else fail('invalid-field', `${key} must be a whole number of code points, 0 or more; found ${describeValue(value)}.`, key);
      return 0;
    },
  };
}
