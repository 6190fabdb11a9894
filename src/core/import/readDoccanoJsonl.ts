/**
 * Reads doccano's JSONL (one document per line): `{"text", "label": [[start, end, type], ...]}`,
 * or the relation form `"entities": [{"start_offset", "end_offset", "label"}]`, or Prodigy's
 * `"spans": [{"start", "end", "label"}]`. The corpus file is the record's `file` (at the top level,
 * or in `meta`/`metadata`), else `STEM/doc-N.txt` after the JSONL file's name and the record's
 * `id` or line; `annotation_ids` (parallel to the labels, as the JSONL export writes them) keep
 * the annotations' ids. Offsets count code points, or UTF-16 units when asked (doccano's web page
 * counts those); an offset inside a character is reported, never rounded.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import type { OffsetUnit } from '../export/exportTypes';
import { joinedText } from '../sidecar/fragments';
import type { Fragment } from '../sidecar/model';
import { CodePointIndex } from '../text/codePoints';
import type { ImportDocument, ImportEntity, ImportRead, ImportRelation } from './importTypes';
import { safeCorpusPath } from './safeCorpusPath';

export interface JsonlOptions {
  offsets?: OffsetUnit;
  /** Folder for records without a file name, usually the JSONL file's name without extension. */
  stem: string;
}

const encoder = new TextEncoder();
/** What a JSONL label carries: a type and a span (whose text the record's text gives). */
const jsonlFields = ['type', 'start', 'end', 'text'] as const;
const bom = new Uint8Array([0xef, 0xbb, 0xbf]);

export function readDoccanoJsonl(content: string, file: string, options: JsonlOptions): ImportRead {
  const documents: ImportDocument[] = [];
  const problems: Problem[] = [];
  content.split('\n').forEach((raw, lineIndex) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = lineIndex + 1;
    const report = (code: ProblemCode, message: string) => problems.push(problem(code, message, file, number, 1));
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      report('jsonl-syntax', `Not a JSON object: ${error instanceof Error ? error.message : String(error)}; line not imported.`);
      return;
    }
    if (!isRecord(record) || typeof record['text'] !== 'string') {
      report('jsonl-no-text', 'The record has no "text" string; line not imported.');
      return;
    }
    const text = record['text'];
    const meta = [record, record['meta'], record['metadata']].filter(isRecord);
    const named = meta.map((source) => source['file']).find((value): value is string => typeof value === 'string');
    const id = record['id'];
    const fallback = `${options.stem}/doc-${typeof id === 'number' || (typeof id === 'string' && /^[\w-]+$/.test(id)) ? String(id) : String(number)}.txt`;
    const checked = safeCorpusPath(named ?? fallback);
    if (!checked.ok) {
      report('jsonl-file-name', `${checked.message} Line not imported.`);
      return;
    }
    const ids = meta.map((source) => source['annotation_ids']).find(Array.isArray) as unknown[] | undefined;
    const labels = readLabels(record);
    if (typeof labels === 'string') {
      report('jsonl-labels', `${labels}; line not imported.`);
      return;
    }
    const index = new CodePointIndex(text);
    const entities: ImportEntity[] = [];
    const keys = entityKeys(record);
    labels.forEach(([rawStart, rawEnd, type], position) => {
      const where = { file, line: number, column: 1 };
      const start = toCodePoint(rawStart, index, options.offsets);
      const end = toCodePoint(rawEnd, index, options.offsets);
      if (start === undefined || end === undefined || typeof type !== 'string') {
        problems.push(problem('jsonl-invalid-label', `Label ${position + 1} (${JSON.stringify([rawStart, rawEnd, type])}) needs whole-number offsets${options.offsets === 'utf16' ? ' on character boundaries' : ''} and a type name; not imported.`, file, number, 1));
        return;
      }
      const given = ids?.[position];
      const annotationId = typeof given === 'string' ? given : '';
      // doccano gives no text: the span's own, for the import to check only its range.
      const covered = end >= start && end <= index.codePointLength ? index.slice(start, end) : '';
      const key = keys?.[position];
      entities.push({ annotation: { id: annotationId, type, start, end, text: covered }, where, ...(key === undefined ? {} : { key }) });
    });
    joinFragments(entities, index);
    const relations = readRelations(record, file, number);
    const withBom = meta.some((source) => source['bom'] === true);
    const encoded = encoder.encode(text);
    const bytes = withBom ? concat(bom, encoded) : encoded;
    const document: ImportDocument = { path: checked.path, where: { file, line: number, column: 1 }, text, bytes, entities, compared: jsonlFields };
    if (relations.length > 0) document.relations = relations;
    documents.push(document);
  });
  return { documents, problems };
}

/**
 * Entities that share an annotation id and a type are the fragments of one discontinuous span (the
 * JSONL export writes them so): joined back into one annotation, which keeps the first one's key.
 */
function joinFragments(entities: ImportEntity[], index: CodePointIndex): void {
  const groups = new Map<string, ImportEntity[]>();
  for (const entity of entities) {
    const id = entity.annotation.id;
    if (id !== '') groups.set(id, [...(groups.get(id) ?? []), entity]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || group.some((entity) => entity.annotation.type !== group[0].annotation.type)) continue;
    const fragments = group.map((entity): Fragment => [entity.annotation.start, entity.annotation.end]).sort((left, right) => left[0] - right[0]);
    const first = group[0];
    first.annotation = { ...first.annotation, start: fragments[0][0], end: fragments[fragments.length - 1][1], fragments, text: joinedText(index, fragments) };
    for (const entity of group.slice(1)) entities.splice(entities.indexOf(entity), 1);
  }
}

/** The relation form's entity ids (as strings, parallel to the labels), or undefined in other forms. */
function entityKeys(record: Record<string, unknown>): Array<string | undefined> | undefined {
  const entities = record['entities'];
  if (record['label'] !== undefined || record['labels'] !== undefined || !Array.isArray(entities)) return undefined;
  return entities.filter(isRecord).map((item) => (typeof item['id'] === 'number' || typeof item['id'] === 'string' ? String(item['id']) : undefined));
}

/** doccano's `relations` (`from_id`, `to_id`, `type`), with entity ids as keys. */
function readRelations(record: Record<string, unknown>, file: string, line: number): ImportRelation[] {
  const relations = record['relations'];
  if (!Array.isArray(relations) || !Array.isArray(record['entities'])) return [];
  const key = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : undefined);
  return relations.filter(isRecord).flatMap((item) => {
    const from = key(item['from_id']);
    const to = key(item['to_id']);
    const type = item['type'];
    if (from === undefined || to === undefined || typeof type !== 'string' || type === '') return [];
    return [{ relation: { id: '', type, from, to }, where: { file, line, column: 1 } }];
  });
}

/** [start, end, type] triples from whichever form the record uses, or what is wrong. */
function readLabels(record: Record<string, unknown>): Array<[unknown, unknown, unknown]> | string {
  const label = record['label'] ?? record['labels'];
  if (Array.isArray(label)) {
    if (label.every((item) => Array.isArray(item) && item.length >= 3)) return label.map((item: unknown[]) => [item[0], item[1], item[2]]);
    // doccano's text-classification export also calls its labels "label": ["positive"].
    return '"label" must be a list of [start, end, type] lists (this looks like a classification label)';
  }
  const entities = record['entities'];
  if (Array.isArray(entities)) return entities.filter(isRecord).map((item) => [item['start_offset'], item['end_offset'], item['label']]);
  const spans = record['spans'];
  if (Array.isArray(spans)) return spans.filter(isRecord).map((item) => [item['start'], item['end'], item['label']]);
  return [];
}

function toCodePoint(value: unknown, index: CodePointIndex, unit: OffsetUnit | undefined): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
  if (unit !== 'utf16') return value;
  // Past the end stays past the end, for the import to report as out of range.
  if (value > index.utf16Length) return index.codePointLength + (value - index.utf16Length);
  const codePoint = index.toCodePoint(value);
  // An offset between the two halves of a surrogate pair is inside a character.
  return index.toUtf16(codePoint) === value ? codePoint : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const result = new Uint8Array(left.length + right.length);
  result.set(left);
  result.set(right, left.length);
  return result;
}
