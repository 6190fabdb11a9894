/**
 * Turns the plain data read from a sidecar (by either reader) into a `Sidecar`, checking every
 * field's type. Bad input never throws: each wrong field becomes a problem at its position, an
 * entry that cannot be used is left out, and any `error` problem means that writing the result
 * back would lose something, so the store refuses to write such a file.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import {
  newlineStyles,
  sidecarFormat,
  sidecarStatuses,
  sourceKeyOrder,
  topLevelKeyOrder,
  type EntryPosition,
  type Extra,
  type Sidecar,
  type SidecarSource,
  type SidecarStatus,
  type SourcePosition,
} from './model';
import { setOwn } from './readFlowValue';
import { ProblemList } from './problemList';
import { describeValue, readAnnotation } from './readAnnotation';
import { readRelation } from './readRelation';
import { readSuggestion } from './readSuggestion';

/** Where the reader found things; `key` undefined asks for the container itself. */
export interface Locator {
  at(container: object, key?: string | number): SourcePosition;
  /** Positions of an entry's field values, when the reader knows them. */
  fields?(entry: object): Record<string, SourcePosition>;
}

export interface BuiltSidecar {
  sidecar: Sidecar;
  /** Parallel to `sidecar.annotations`: where each entry is written. */
  positions: EntryPosition[];
  /** Parallel to `sidecar.relations` (empty when there are none). */
  relationPositions: EntryPosition[];
  /** Parallel to `sidecar.suggestions` (empty when there are none). */
  suggestionPositions: EntryPosition[];
  problems: Problem[];
}

export type Report = (code: ProblemCode, message: string, where: SourcePosition, severity?: Problem['severity']) => void;

export function buildSidecar(root: unknown, locator: Locator, file: string): BuiltSidecar {
  const list = new ProblemList(file);
  const report: Report = (code, message, where, severity = 'error') => {
    list.add(problem(code, message, file, where.line, where.column, severity));
  };
  const sidecar: Sidecar = {
    format: sidecarFormat,
    source: { file: '', sha256: '', unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'none' },
    status: 'untouched',
    annotations: [],
  };
  const positions: EntryPosition[] = [];
  const relationPositions: EntryPosition[] = [];
  const suggestionPositions: EntryPosition[] = [];
  const top = { line: 1, column: 1 };

  if (root === null || root === undefined) {
    report('sidecar-empty', 'The sidecar is empty; it is read as having no annotations.', top, 'warning');
    return { sidecar, positions, relationPositions, suggestionPositions, problems: list.toArray() };
  }
  if (!isRecord(root)) {
    report('not-a-sidecar', `A sidecar must be a mapping with format, source and annotations; found ${describeValue(root)}.`, top);
    return { sidecar, positions, relationPositions, suggestionPositions, problems: list.toArray() };
  }

  const format = root['format'];
  if (format === undefined) {
    report('format-missing', `No "format: ${sidecarFormat}" line; the file is read as that format.`, top, 'warning');
  } else if (format !== sidecarFormat) {
    const newer = typeof format === 'string' && /^news-annotator\/[0-9]+$/.test(format);
    report(
      'format-unsupported',
      newer
        ? `This sidecar is in format ${format}, which this version of News Annotator does not read; update the extension.`
        : `format must be "${sidecarFormat}"; found ${describeValue(format)}.`,
      locator.at(root, 'format'),
    );
  }

  const source = root['source'];
  if (source === undefined) {
    report('source-missing', 'No source block; the offsets are checked against the text and re-anchored if needed.', top, 'warning');
  } else if (isRecord(source)) {
    sidecar.source = readSource(source, locator, report);
  } else {
    report('invalid-field', `source must be a mapping; found ${describeValue(source)}.`, locator.at(root, 'source'));
  }

  const status = root['status'];
  if (status !== undefined) {
    if (typeof status === 'string' && (sidecarStatuses as readonly string[]).includes(status)) {
      sidecar.status = status as SidecarStatus;
    } else {
      report('invalid-status', `status must be one of ${sidecarStatuses.map((name) => `"${name}"`).join(', ')}; found ${describeValue(status)}.`, locator.at(root, 'status'));
    }
  }

  const entries = root['annotations'];
  if (Array.isArray(entries)) {
    for (let index = 0; index < entries.length; index++) {
      const where = locator.at(entries, index);
      const annotation = readAnnotation(entries[index], where, locator, report);
      if (annotation === undefined) continue;
      sidecar.annotations.push(annotation);
      const fields = locator.fields?.(entries[index] as object);
      positions.push(fields === undefined ? where : { line: where.line, column: where.column, fields });
    }
  } else if (entries !== undefined && entries !== null) {
    report('invalid-field', `annotations must be a list; found ${describeValue(entries)}.`, locator.at(root, 'annotations'));
  }

  const relations = root['relations'];
  if (Array.isArray(relations)) {
    for (let index = 0; index < relations.length; index++) {
      const where = locator.at(relations, index);
      const relation = readRelation(relations[index], where, locator, report);
      if (relation === undefined) continue;
      (sidecar.relations ??= []).push(relation);
      const fields = locator.fields?.(relations[index] as object);
      relationPositions.push(fields === undefined ? where : { line: where.line, column: where.column, fields });
    }
  } else if (relations !== undefined && relations !== null) {
    report('invalid-field', `relations must be a list; found ${describeValue(relations)}.`, locator.at(root, 'relations'));
  }

  const suggestions = root['suggestions'];
  if (Array.isArray(suggestions)) {
    for (let index = 0; index < suggestions.length; index++) {
      const where = locator.at(suggestions, index);
      const suggestion = readSuggestion(suggestions[index], where, locator, report);
      if (suggestion === undefined) continue;
      (sidecar.suggestions ??= []).push(suggestion);
      const fields = locator.fields?.(suggestions[index] as object);
      suggestionPositions.push(fields === undefined ? where : { line: where.line, column: where.column, fields });
    }
  } else if (suggestions !== undefined && suggestions !== null) {
    report('invalid-field', `suggestions must be a list; found ${describeValue(suggestions)}.`, locator.at(root, 'suggestions'));
  }

  const extra = unknownFields(root, topLevelKeyOrder);
  if (extra !== undefined) sidecar.extra = extra;
  return { sidecar, positions, relationPositions, suggestionPositions, problems: list.toArray() };
}

function readSource(source: Record<string, unknown>, locator: Locator, report: Report): SidecarSource {
  const result: SidecarSource = { file: '', sha256: '', unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'none' };
  const where = (key: string) => locator.at(source, key);
  const { file, sha256, unit, encoding, bom, newline } = source;
  if (typeof file === 'string') result.file = file;
  else if (file !== undefined) report('invalid-field', `source.file must be a string; found ${describeValue(file)}.`, where('file'));
  if (typeof sha256 === 'string') result.sha256 = sha256;
  else if (sha256 !== undefined) report('invalid-field', `source.sha256 must be a string; found ${describeValue(sha256)}.`, where('sha256'));
  if (unit !== undefined && unit !== 'codepoint') {
    report('unit-unsupported', `source.unit must be "codepoint" (offsets count Unicode code points); found ${describeValue(unit)}.`, where('unit'));
  }
  if (encoding !== undefined && encoding !== 'utf-8') {
    report('encoding-unsupported', `source.encoding must be "utf-8"; found ${describeValue(encoding)}.`, where('encoding'));
  }
  if (typeof bom === 'boolean') result.bom = bom;
  else if (bom !== undefined) report('invalid-field', `source.bom must be true or false; found ${describeValue(bom)}.`, where('bom'));
  if (typeof newline === 'string' && (newlineStyles as readonly string[]).includes(newline)) {
    result.newline = newline as SidecarSource['newline'];
  } else if (newline !== undefined) {
    report('invalid-field', `source.newline must be one of "lf", "crlf", "mixed", "none"; found ${describeValue(newline)}.`, where('newline'));
  }
  const extra = unknownFields(source, sourceKeyOrder);
  if (extra !== undefined) result.extra = extra;
  return result;
}

/** The fields of `record` not named in `known`, or undefined when there are none. */
export function unknownFields(record: Record<string, unknown>, known: readonly string[]): Extra | undefined {
  let extra: Extra | undefined;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    extra ??= {};
    setOwn(extra, key, record[key]);
  }
  return extra;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
