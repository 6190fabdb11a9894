/**
 * Reads one entry of `suggestions`. Like annotations, strings must really be strings, and an
 * entry that cannot be used is reported and left out (so the file is not written back over it).
 */
import type { Locator, Report } from './buildSidecar';
import { suggestionKeyOrder, type SourcePosition, type Suggestion } from './model';
import { entryFields } from './entryFields';
import { setOwn } from './readFlowValue';
import { describeValue } from './readAnnotation';

/** The suggestion, or undefined (after reporting why) when the entry cannot be used. */
export function readSuggestion(entry: unknown, where: SourcePosition, locator: Locator, report: Report): Suggestion | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    report('invalid-suggestion', `Each suggestion must be a mapping with id, type, start, end, text, source and score; found ${describeValue(entry)}.`, where);
    return undefined;
  }
  const fields = entryFields(entry as Record<string, unknown>, where, locator, report, 'suggestion');
  const { record, fail, requiredString, offset } = fields;
  const suggestion: Suggestion = {
    id: requiredString('id'),
    type: requiredString('type'),
    start: offset('start'),
    end: offset('end'),
    text: requiredString('text'),
    source: requiredString('source'),
    score: 0,
  };
  const score = record['score'];
  if (typeof score === 'number' && Number.isFinite(score)) suggestion.score = score;
  else if (score === undefined) fail('missing-field', 'The suggestion has no score.', 'score');
  else fail('invalid-field', `score must be a number from 0 to 1; found ${describeValue(score)}.`, 'score');

  const link = record['link'];
  if (typeof link === 'string') suggestion.link = link;
  else if (link !== undefined) fail('invalid-field', `link must be a string in double quotes; found ${describeValue(link)}.`, 'link');
  const overlaps = record['overlaps'];
  if (Array.isArray(overlaps) && overlaps.every((id): id is string => typeof id === 'string')) suggestion.overlaps = [...overlaps];
  else if (overlaps !== undefined) fail('invalid-field', `overlaps must be a list of annotation ids; found ${describeValue(overlaps)}.`, 'overlaps');
  const rejected = record['rejected'];
  if (rejected === true) suggestion.rejected = true;
  else if (rejected !== undefined) fail('invalid-field', `rejected must be true when present; found ${describeValue(rejected)}.`, 'rejected');

  for (const key of Object.keys(record)) {
    if ((suggestionKeyOrder as readonly string[]).includes(key)) continue;
    suggestion.extra ??= {};
    setOwn(suggestion.extra, key, record[key]);
  }
  return fields.usable ? suggestion : undefined;
}
