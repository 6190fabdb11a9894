/**
 * The canonical writer. Hand-written rather than `YAML.stringify` because it runs on every tag a
 * person makes: a 5,000-entry file takes a few milliseconds here against about 250 ms there.
 *
 * Canonical layout: a comment line, then `format`, `source` and `status`, unknown top-level keys
 * (sorted), `annotations` with one flow mapping per line, sorted by (start, end, type, id), and
 * then, only when there are any, `relations`, one per line, sorted by (from, to, type, id), and
 * last, only when there are any, `suggestions`, one per line, sorted by (start, end, type, id).
 * Two people tagging different spans therefore add different lines in different places of the
 * file, which git merges without a conflict.
 */
import { compareText, formatKey, formatMap, formatNumber, formatString, formatValue } from './flowValue';
import {
  annotationKeyOrder,
  relationKeyOrder,
  sourceKeyOrder,
  suggestionKeyOrder,
  topLevelKeyOrder,
  type Annotation,
  type EntryPosition,
  type Extra,
  type LineEnding,
  type Relation,
  type Sidecar,
  type Suggestion,
} from './model';

const knownAnnotationKeys: ReadonlySet<string> = new Set(annotationKeyOrder);
const knownRelationKeys: ReadonlySet<string> = new Set(relationKeyOrder);
const knownSuggestionKeys: ReadonlySet<string> = new Set(suggestionKeyOrder);
const knownSourceKeys: ReadonlySet<string> = new Set(sourceKeyOrder);
const knownTopLevelKeys: ReadonlySet<string> = new Set(topLevelKeyOrder);

/** Indentation and sequence indicator in front of every annotation line. */
export const entryIndent = '  - ';

export function serializeSidecar(sidecar: Sidecar, lineEnding: LineEnding = 'lf'): string {
  const lines = headerLines(sidecar);
  const annotations = sortAnnotations(sidecar.annotations);
  if (annotations.length === 0) {
    lines.push('annotations: []');
  } else {
    lines.push('annotations:');
    for (const annotation of annotations) lines.push(entryIndent + cachedLine(annotation));
  }
  lines.push(...relationLines(sidecar.relations), ...suggestionLines(sidecar.suggestions));
  const newline = lineEnding === 'crlf' ? '\r\n' : '\n';
  return lines.join(newline) + newline;
}

const encoder = new TextEncoder();
/** Each entry's encoded line with its line break, one cache per line ending. */
const encodedLines = { lf: new WeakMap<Annotation, Uint8Array>(), crlf: new WeakMap<Annotation, Uint8Array>() };
const encodedSuggestionLines = { lf: new WeakMap<Suggestion, Uint8Array>(), crlf: new WeakMap<Suggestion, Uint8Array>() };

/**
 * `serializeSidecar` as UTF-8 bytes, byte for byte the same, built from each entry's encoded
 * line kept from earlier writes. The store writes through this: tagging one span in a file of
 * thousands encodes one line and copies the rest, instead of building and encoding a
 * megabyte-long string.
 */
export function serializeSidecarBytes(sidecar: Sidecar, lineEnding: LineEnding = 'lf'): Uint8Array {
  const newline = lineEnding === 'crlf' ? '\r\n' : '\n';
  const cache = encodedLines[lineEnding === 'crlf' ? 'crlf' : 'lf'];
  const annotations = sortAnnotations(sidecar.annotations);
  const header = headerLines(sidecar);
  header.push(annotations.length === 0 ? 'annotations: []' : 'annotations:');
  const head = encoder.encode(header.join(newline) + newline);
  const lines = new Array<Uint8Array>(annotations.length);
  let length = head.length;
  for (let index = 0; index < annotations.length; index++) {
    const annotation = annotations[index];
    let line = cache.get(annotation);
    if (line === undefined) {
      line = encoder.encode(entryIndent + cachedLine(annotation) + newline);
      cache.set(annotation, line);
    }
    lines[index] = line;
    length += line.length;
  }
  const relations = relationLines(sidecar.relations);
  const tail = encoder.encode(relations.length === 0 ? '' : relations.join(newline) + newline);
  length += tail.length;
  // Suggestions, like annotations, keep their encoded line: a file of thousands encodes one.
  const suggestions = sidecar.suggestions === undefined || sidecar.suggestions.length === 0 ? [] : sortSuggestions(sidecar.suggestions);
  const suggestionCache = encodedSuggestionLines[lineEnding === 'crlf' ? 'crlf' : 'lf'];
  const suggestionBytes = new Array<Uint8Array>(suggestions.length);
  const suggestionsHead = encoder.encode(suggestions.length === 0 ? '' : 'suggestions:' + newline);
  length += suggestionsHead.length;
  for (let index = 0; index < suggestions.length; index++) {
    const suggestion = suggestions[index];
    let line = suggestionCache.get(suggestion);
    if (line === undefined) {
      line = encoder.encode(entryIndent + serializeSuggestion(suggestion) + newline);
      suggestionCache.set(suggestion, line);
    }
    suggestionBytes[index] = line;
    length += line.length;
  }
  const bytes = new Uint8Array(length);
  bytes.set(head, 0);
  let offset = head.length;
  for (const line of lines) {
    bytes.set(line, offset);
    offset += line.length;
  }
  bytes.set(tail, offset);
  offset += tail.length;
  bytes.set(suggestionsHead, offset);
  offset += suggestionsHead.length;
  for (const line of suggestionBytes) {
    bytes.set(line, offset);
    offset += line.length;
  }
  return bytes;
}

/**
 * The sidecar with its entries in the order `serializeSidecar` writes them, and the line of
 * each entry in that file: what reading the written file back would give, without reading it.
 */
export function canonicalLayout(sidecar: Sidecar): {
  sidecar: Sidecar;
  positions: EntryPosition[];
  relationPositions: EntryPosition[];
  suggestionPositions: EntryPosition[];
} {
  const annotations = sortAnnotations(sidecar.annotations);
  const relations = sortRelations(sidecar.relations ?? []);
  // Entries follow the header lines and the `annotations:` line; relations the `relations:` line.
  const firstLine = headerLines(sidecar).length + 2;
  const positions = annotations.map((_, index) => ({ line: firstLine + index, column: entryIndent.length + 1 }));
  const firstRelationLine = firstLine + annotations.length + 1;
  const relationPositions = relations.map((_, index) => ({ line: firstRelationLine + index, column: entryIndent.length + 1 }));
  let result = annotations === sidecar.annotations ? sidecar : { ...sidecar, annotations: [...annotations] };
  if (sidecar.relations !== undefined && (relations !== sidecar.relations || relations.length === 0)) {
    result = { ...result };
    if (relations.length === 0) delete result.relations;
    else result.relations = [...relations];
  }
  const suggestions = sortSuggestions(sidecar.suggestions ?? []);
  // Suggestions follow the relations (and their `relations:` line when there are any).
  const firstSuggestionLine = firstRelationLine + relations.length + (relations.length > 0 ? 1 : 0);
  const suggestionPositions = suggestions.map((_, index) => ({ line: firstSuggestionLine + index, column: entryIndent.length + 1 }));
  if (sidecar.suggestions !== undefined && (suggestions !== sidecar.suggestions || suggestions.length === 0)) {
    result = { ...result };
    if (suggestions.length === 0) delete result.suggestions;
    else result.suggestions = [...suggestions];
  }
  return { sidecar: result, positions, relationPositions, suggestionPositions };
}

/** `suggestions:` and one line per suggestion in canonical order; nothing when there are none. */
function suggestionLines(suggestions: readonly Suggestion[] | undefined): string[] {
  if (suggestions === undefined || suggestions.length === 0) return [];
  return ['suggestions:', ...sortSuggestions(suggestions).map((suggestion) => entryIndent + serializeSuggestion(suggestion))];
}

// Suggestions are values too: the line written for one is kept, so accepting one suggestion in
// a file of thousands formats one line, not all of them (and sorting compares no lines).
const suggestionLineCache = new WeakMap<Suggestion, string>();

/** Tells the writer the line a suggestion was read from, once the reader proved it canonical. */
export function rememberSuggestionLine(suggestion: Suggestion, line: string): void {
  suggestionLineCache.set(suggestion, line);
}

/** One suggestion as a flow mapping on one line (without the `  - ` in front). */
export function serializeSuggestion(suggestion: Suggestion): string {
  let line = suggestionLineCache.get(suggestion);
  if (line === undefined) {
    line = formatSuggestion(suggestion);
    suggestionLineCache.set(suggestion, line);
  }
  return line;
}

export function formatSuggestion(suggestion: Suggestion): string {
  let text = `{id: ${formatString(suggestion.id)}, type: ${formatString(suggestion.type)}, start: ${formatNumber(suggestion.start)}, end: ${formatNumber(suggestion.end)}, text: ${formatString(suggestion.text)}`;
  text += `, source: ${formatString(suggestion.source)}, score: ${formatNumber(suggestion.score)}`;
  if (suggestion.link !== undefined) text += `, link: ${formatString(suggestion.link)}`;
  if (suggestion.overlaps !== undefined) text += `, overlaps: ${formatValue(suggestion.overlaps)}`;
  if (suggestion.rejected !== undefined) text += `, rejected: ${formatValue(suggestion.rejected)}`;
  for (const [key, value] of unknownPairs(suggestion.extra, knownSuggestionKeys)) text += `, ${formatKey(key)}: ${formatValue(value)}`;
  return text + '}';
}

/** Canonical order of suggestions: by position, then type, then id; ties by their written form. */
export function compareSuggestions(left: Suggestion, right: Suggestion): number {
  return (
    left.start - right.start ||
    left.end - right.end ||
    compareText(left.type, right.type) ||
    compareText(left.id, right.id) ||
    compareText(serializeSuggestion(left), serializeSuggestion(right))
  );
}

/** A sorted copy, or the list itself when it is already in order. */
export function sortSuggestions(suggestions: readonly Suggestion[]): readonly Suggestion[] {
  for (let index = 1; index < suggestions.length; index++) {
    if (compareSuggestions(suggestions[index - 1], suggestions[index]) > 0) return [...suggestions].sort(compareSuggestions);
  }
  return suggestions;
}

/** `relations:` and one line per relation in canonical order; nothing when there are none. */
function relationLines(relations: readonly Relation[] | undefined): string[] {
  if (relations === undefined || relations.length === 0) return [];
  return ['relations:', ...sortRelations(relations).map((relation) => entryIndent + serializeRelation(relation))];
}

/** One relation as a flow mapping on one line (without the `  - ` in front). */
export function serializeRelation(relation: Relation): string {
  let text = `{id: ${formatString(relation.id)}, type: ${formatString(relation.type)}, from: ${formatString(relation.from)}, to: ${formatString(relation.to)}`;
  if (relation.role === true) text += ', role: true';
  if (relation.note !== undefined) text += `, note: ${formatString(relation.note)}`;
  if (relation.annotator !== undefined) text += `, annotator: ${formatString(relation.annotator)}`;
  if (relation.created !== undefined) text += `, created: ${formatString(relation.created)}`;
  for (const [key, value] of unknownPairs(relation.extra, knownRelationKeys)) text += `, ${formatKey(key)}: ${formatValue(value)}`;
  return text + '}';
}

/** Canonical order of relations: a source's relations sit together; ties by their written form. */
export function compareRelations(left: Relation, right: Relation): number {
  return (
    compareText(left.from, right.from) ||
    compareText(left.to, right.to) ||
    compareText(left.type, right.type) ||
    compareText(left.id, right.id) ||
    compareText(serializeRelation(left), serializeRelation(right))
  );
}

/** A sorted copy, or the list itself when it is already in order. */
export function sortRelations(relations: readonly Relation[]): readonly Relation[] {
  for (let index = 1; index < relations.length; index++) {
    if (compareRelations(relations[index - 1], relations[index]) > 0) return [...relations].sort(compareRelations);
  }
  return relations;
}

/** Every line before `annotations`: comment, format, source, status, unknown top-level keys. */
export function headerLines(sidecar: Sidecar): string[] {
  const lines = [
    headerComment(sidecar.source.file),
    `format: ${/^[a-z0-9-]+\/[0-9]+$/.test(sidecar.format) ? sidecar.format : formatString(sidecar.format)}`,
    `source: ${formatSource(sidecar)}`,
    `status: ${formatString(sidecar.status)}`,
  ];
  for (const [key, value] of unknownPairs(sidecar.extra, knownTopLevelKeys)) {
    lines.push(`${formatKey(key)}: ${formatValue(value)}`);
  }
  return lines;
}

const unsafeInComment =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The first line: says what the file is, for someone who opens it without the extension. */
export function headerComment(fileName: string): string {
  // Line breaks would end the comment early, and YAML forbids control characters, U+FFFE,
  // U+FFFF and lone surrogates even in comments; a stray U+FEFF reads like a byte-order mark.
  const name = fileName.replace(unsafeInComment, '?') || 'the text file';
  return `# News Annotator sidecar: annotations of ${name}. Offsets count Unicode code points; end is exclusive.`;
}

/** The value of the `source` line. */
export function formatSource(sidecar: Pick<Sidecar, 'source'>): string {
  const source = sidecar.source;
  const pairs: Array<readonly [string, unknown]> = [
    ['file', source.file],
    ['sha256', source.sha256],
    ['unit', source.unit],
    ['encoding', source.encoding],
    ['bom', source.bom],
    ['newline', source.newline],
  ];
  return formatMap(pairs.concat(unknownPairs(source.extra, knownSourceKeys)));
}

/** One annotation as a flow mapping on one line (without the `  - ` in front). */
// Annotations are values: once built, none is changed in place (changes make new objects), so
// the line written for one can be reused. Tagging one span in a file of thousands then formats
// one line instead of all of them.
const lineCache = new WeakMap<Annotation, string>();

/**
 * Tells the writer the line an annotation was read from, when the reader proved it exactly the
 * canonical line (without the indent): the first write after reading a long file then formats
 * only the entries that changed.
 */
export function rememberCanonicalLine(annotation: Annotation, line: string): void {
  lineCache.set(annotation, line);
}

function cachedLine(annotation: Annotation): string {
  let line = lineCache.get(annotation);
  if (line === undefined) {
    line = serializeAnnotation(annotation);
    lineCache.set(annotation, line);
  }
  return line;
}

export function serializeAnnotation(annotation: Annotation): string {
  let text = `{id: ${formatString(annotation.id)}, type: ${formatString(annotation.type)}, start: ${formatNumber(annotation.start)}, end: ${formatNumber(annotation.end)}, text: ${formatString(annotation.text)}`;
  if (annotation.fragments !== undefined) text += `, fragments: ${formatValue(annotation.fragments)}`;
  if (annotation.note !== undefined) text += `, note: ${formatString(annotation.note)}`;
  if (annotation.attributes !== undefined) text += `, attributes: ${formatValue(annotation.attributes)}`;
  if (annotation.links !== undefined) text += `, links: ${formatValue(annotation.links)}`;
  if (annotation.annotator !== undefined) text += `, annotator: ${formatString(annotation.annotator)}`;
  if (annotation.created !== undefined) text += `, created: ${formatString(annotation.created)}`;
  if (annotation.prefix !== undefined) text += `, prefix: ${formatString(annotation.prefix)}`;
  if (annotation.suffix !== undefined) text += `, suffix: ${formatString(annotation.suffix)}`;
  if (annotation.extra !== undefined) {
    for (const [key, value] of unknownPairs(annotation.extra, knownAnnotationKeys)) {
      text += `, ${formatKey(key)}: ${formatValue(value)}`;
    }
  }
  return text + '}';
}

/**
 * Column (1-based, in code points) where a field's value starts on a canonical annotation line,
 * so problems in a file read through the fast path can still point at the field.
 */
export function canonicalFieldColumn(annotation: Annotation, field: string): number | undefined {
  return fieldColumn(serializeAnnotation(annotation), field);
}

/** The same for a field of a canonical relation line. */
export function canonicalRelationFieldColumn(relation: Relation, field: string): number | undefined {
  return fieldColumn(serializeRelation(relation), field);
}

function fieldColumn(line: string, field: string): number | undefined {
  const key = field === 'id' ? '{id: ' : `, ${formatKey(field)}: `;
  const at = line.indexOf(key);
  if (at < 0) return undefined;
  const before = entryIndent + line.slice(0, at + key.length);
  // Count code points, not UTF-16 units: astral characters in earlier fields count one each.
  let column = 1;
  for (let index = 0; index < before.length; index++) {
    const unit = before.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < before.length) {
      const next = before.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    column++;
  }
  return column;
}

/** Canonical order; entries equal in all four keys are ordered by their written form. */
export function compareAnnotations(left: Annotation, right: Annotation): number {
  return (
    left.start - right.start ||
    left.end - right.end ||
    compareText(left.type, right.type) ||
    compareText(left.id, right.id) ||
    compareText(serializeAnnotation(left), serializeAnnotation(right))
  );
}

/**
 * A sorted copy; skips the sort when the list is already in order (the usual case). A list in
 * order up to some point (entries appended to a sorted file: a new tag) sorts only the rest and
 * merges it in, so tagging in a file of 50,000 entries does not sort 50,000 entries.
 */
export function sortAnnotations(annotations: readonly Annotation[]): readonly Annotation[] {
  let sortedUpTo = 1;
  while (sortedUpTo < annotations.length && compareAnnotations(annotations[sortedUpTo - 1], annotations[sortedUpTo]) <= 0) sortedUpTo++;
  if (sortedUpTo >= annotations.length) return annotations;
  const rest = annotations.slice(sortedUpTo).sort(compareAnnotations);
  const merged = new Array<Annotation>(annotations.length);
  let left = 0;
  let right = 0;
  for (let index = 0; index < merged.length; index++) {
    // Ties take the earlier part first, as a stable sort of the whole list would.
    if (right >= rest.length || (left < sortedUpTo && compareAnnotations(annotations[left], rest[right]) <= 0)) merged[index] = annotations[left++];
    else merged[index] = rest[right++];
  }
  return merged;
}

function unknownPairs(extra: Extra | undefined, known: ReadonlySet<string>): Array<readonly [string, unknown]> {
  if (extra === undefined) return [];
  // A known key in `extra` would be written twice; the typed field wins.
  return Object.keys(extra)
    .filter((key) => !known.has(key))
    .sort(compareText)
    .map((key) => [key, extra[key]] as const);
}
