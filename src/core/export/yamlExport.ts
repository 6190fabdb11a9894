/**
 * The export project leads asked for: one YAML file with the entity types, totals, and for each
 * document its file, text hash and annotations, written with the sidecar's own canonical writer
 * (one flow mapping per line, every string double-quoted), so PyYAML's `safe_load` reads exactly
 * this data and `text[start:end] == entry["text"]` for every entry of `annotations`.
 *
 * Nothing of a sidecar is left out, so importing this file gives the sidecars back: annotations
 * that could not be placed in the current text are kept under `orphaned` and `fuzzy`, with their
 * stored (old) offsets, apart from `annotations`, so that slicing `annotations` is always right.
 * Suggestions are not tags: they are written only when asked (`withSuggestions`), under their own
 * key, and import does not read them back.
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import type { EntityType } from '../project';
import { formatMap, formatString, formatValue } from '../sidecar/flowValue';
import { sortAnnotations, sortRelations, sortSuggestions, serializeAnnotation, serializeRelation, serializeSuggestion } from '../sidecar/serializeSidecar';
import type { Annotation } from '../sidecar/model';
import { singleFileOutput, type ExportInput, type ExportOutput } from './exportTypes';

export const yamlExportFormat = 'news-annotator-export/1';

const header = [
  '# News Annotator export. Offsets count Unicode code points of the text as Python reads it:',
  "#   open(path, encoding='utf-8-sig', newline='').read()[start:end] == text   (end is exclusive)",
  '# `orphaned` and `fuzzy` entries were not found (exactly) in the current text: their offsets are old.',
];

export function exportYaml(input: ExportInput): ExportOutput {
  const lines = [...header, `format: ${yamlExportFormat}`, 'unit: "codepoint"'];
  const used = new Set<string>();
  for (const document of input.documents) for (const annotation of document.placed) used.add(annotation.type);
  const types = [...input.config.types];
  for (const name of [...used].sort()) if (!types.some((type) => type.name === name)) types.push({ name, color: { light: '', dark: '' } });
  lines.push(types.length === 0 ? 'types: []' : 'types:');
  for (const type of types) lines.push('  - ' + formatType(type));

  const counts: Record<string, number> = {};
  let annotations = 0;
  let unplaced = 0;
  for (const document of input.documents) {
    for (const annotation of document.placed) counts[annotation.type] = (counts[annotation.type] ?? 0) + 1;
    annotations += document.placed.length;
    unplaced += document.unplaced.length;
  }
  lines.push(
    'totals: ' +
      formatMap([
        ['documents', input.documents.length],
        ['annotations', annotations],
        ['unplaced', unplaced],
        ['types', counts],
      ]),
  );
  lines.push(input.documents.length === 0 ? 'documents: []' : 'documents:');
  return singleFileOutput(() => allLines(lines, input.documents, input.withSuggestions === true), { warnings: [], documents: input.documents.length, annotations, notes: [] });
}

function* allLines(head: readonly string[], documents: ExportInput['documents'], withSuggestions: boolean): Generator<string> {
  yield* head;
  for (const document of documents) yield* documentLines(document, withSuggestions);
}

function formatType(type: EntityType): string {
  const pairs: Array<readonly [string, unknown]> = [['name', type.name]];
  if (type.key !== undefined) pairs.push(['key', type.key]);
  if (type.color.light !== '') pairs.push(['color', { light: type.color.light, dark: type.color.dark }]);
  if (type.description !== undefined) pairs.push(['description', type.description]);
  return formatMap(pairs);
}

function* documentLines(document: CorpusDocument, withSuggestions: boolean): Generator<string> {
  const { sidecar, decoded } = document.loaded;
  yield `  - file: ${formatString(document.path)}`;
  yield `    sha256: ${formatString(decoded.sha256)}`;
  yield `    bom: ${decoded.bom ? 'true' : 'false'}`;
  yield `    newline: ${formatString(decoded.newline)}`;
  yield `    status: ${formatString(sidecar.status)}`;
  if (document.unplaced.length > 0 && sidecar.source.sha256 !== decoded.sha256) {
    // The hash the sidecar keeps while some annotations wait for a person (see sidecar-format.md).
    yield `    sidecar_sha256: ${formatString(sidecar.source.sha256)}`;
  }
  if (sidecar.source.extra !== undefined && Object.keys(sidecar.source.extra).length > 0) yield `    source_extra: ${formatValue(sidecar.source.extra)}`;
  if (sidecar.extra !== undefined && Object.keys(sidecar.extra).length > 0) yield `    extra: ${formatValue(sidecar.extra)}`;
  yield* list('annotations', document.placed);
  const orphaned = document.unplaced.filter((item) => item.kind === 'orphan').map((item) => item.annotation);
  const fuzzy = document.unplaced.filter((item) => item.kind === 'fuzzy').map((item) => item.annotation);
  if (orphaned.length > 0) yield* list('orphaned', orphaned);
  if (fuzzy.length > 0) yield* list('fuzzy', fuzzy);
  const relations = sidecar.relations ?? [];
  if (relations.length > 0) {
    yield '    relations:';
    for (const relation of sortRelations(relations)) yield '      - ' + serializeRelation(relation);
  }
  const suggestions = withSuggestions ? (sidecar.suggestions ?? []) : [];
  if (suggestions.length > 0) {
    yield '    suggestions:';
    for (const suggestion of sortSuggestions(suggestions)) yield '      - ' + serializeSuggestion(suggestion);
  }
}

function* list(key: string, annotations: readonly Annotation[]): Generator<string> {
  if (annotations.length === 0) {
    yield `    ${key}: []`;
    return;
  }
  yield `    ${key}:`;
  for (const annotation of sortAnnotations(annotations)) yield '      - ' + serializeAnnotation(annotation);
}
