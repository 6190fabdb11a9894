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
const encodedLines = { lf: new WeakMap<Annotation, EncodedLine>(), crlf: new WeakMap<Annotation, EncodedLine>() };
const encodedSuggestionLines = { lf: new WeakMap<Suggestion, EncodedLine>(), crlf: new WeakMap<Suggestion, EncodedLine>() };

/**
 * An entry's encoded line (with its line break): `bytes` from `start` to `end`. `bytes` is the
 * line alone, or a whole file written earlier that holds it; plain numbers, not a view, so
 * finding runs of adjacent lines reads no typed-array getters.
 */
interface EncodedLine {
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
}

/**
 * `serializeSidecar` as UTF-8 bytes, byte for byte the same, built from each entry's encoded
 * line kept from earlier writes. The store writes through this: tagging one span in a file of
 * thousands encodes one line and copies the rest, instead of building and encoding a
 * megabyte-long string. Lines that lie side by side in one buffer (the file as last written)
 * are copied as one run: a copy per line cost more than everything else in a file of thousands.
 */
export function serializeSidecarBytes(sidecar: Sidecar, lineEnding: LineEnding = 'lf'): Uint8Array {
  const newline = lineEnding === 'crlf' ? '\r\n' : '\n';
  const caches = lineEnding === 'crlf' ? 'crlf' : 'lf';
  const annotations = sortAnnotations(sidecar.annotations);
  const header = headerLines(sidecar);
  header.push(annotations.length === 0 ? 'annotations: []' : 'annotations:');
  const head = encoder.encode(header.join(newline) + newline);
  const annotationEntries = encodeEntries(annotations, encodedLines[caches], (annotation) => entryIndent + cachedLine(annotation) + newline);
  const relations = relationLines(sidecar.relations);
  const tail = encoder.encode(relations.length === 0 ? '' : relations.join(newline) + newline);
  // Suggestions, like annotations, keep their encoded line: a file of thousands encodes one.
  const suggestions = sidecar.suggestions === undefined || sidecar.suggestions.length === 0 ? [] : sortSuggestions(sidecar.suggestions);
  const suggestionsHead = encoder.encode(suggestions.length === 0 ? '' : 'suggestions:' + newline);
  const suggestionEntries = encodeEntries(suggestions, encodedSuggestionLines[caches], (suggestion) => entryIndent + serializeSuggestion(suggestion) + newline);
  const length = head.length + annotationEntries.length + tail.length + suggestionsHead.length + suggestionEntries.length;
  const bytes = new Uint8Array(length);
  bytes.set(head, 0);
  let offset = head.length;
  const annotationsAt = offset;
  offset = copyLines(bytes, offset, annotationEntries.lines);
  bytes.set(tail, offset);
  offset += tail.length;
  bytes.set(suggestionsHead, offset);
  offset += suggestionsHead.length;
  const suggestionsAt = offset;
  copyLines(bytes, offset, suggestionEntries.lines);
  // When most of the file was encoded just now (its first write), its lines are kept as views of
  // the new file, so the next write copies them in a few runs. Lines made later keep their own
  // bytes: a view would keep a whole file alive for one line.
  if (2 * (annotationEntries.freshLength + suggestionEntries.freshLength) >= length) {
    keepAsViews(bytes, annotationsAt, annotations, annotationEntries, encodedLines[caches]);
    keepAsViews(bytes, suggestionsAt, suggestions, suggestionEntries, encodedSuggestionLines[caches]);
  }
  return bytes;
}

interface EncodedEntries {
  readonly lines: EncodedLine[];
  /** Their total length. */
  readonly length: number;
  /** Pairs of (index, offset from the first line) of the lines encoded just now. */
  readonly fresh: number[];
  readonly freshLength: number;
}

/** Each entry's encoded line: from the cache, or encoded now (and cached). */
function encodeEntries<T extends object>(entries: readonly T[], cache: WeakMap<T, EncodedLine>, format: (entry: T) => string): EncodedEntries {
  const lines = new Array<EncodedLine>(entries.length);
  const fresh: number[] = [];
  let length = 0;
  let freshLength = 0;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    let line = cache.get(entry);
    if (line === undefined) {
      const bytes = encoder.encode(format(entry));
      line = { bytes, start: 0, end: bytes.length };
      cache.set(entry, line);
      fresh.push(index, length);
      freshLength += bytes.length;
    }
    lines[index] = line;
    length += line.end - line.start;
  }
  return { lines, length, fresh, freshLength };
}

/** Copies the lines one after the other from `offset`, one copy per run of lines adjacent in one buffer; returns the end. */
function copyLines(bytes: Uint8Array, offset: number, lines: readonly EncodedLine[]): number {
  let index = 0;
  while (index < lines.length) {
    const { bytes: source, start } = lines[index];
    let end = lines[index].end;
    let next = index + 1;
    for (; next < lines.length; next++) {
      const line = lines[next];
      if (line.bytes !== source || line.start !== end) break;
      end = line.end;
    }
    bytes.set(start === 0 && end === source.length ? source : source.subarray(start, end), offset);
    offset += end - start;
    index = next;
  }
  return offset;
}

function keepAsViews<T extends object>(bytes: Uint8Array, at: number, entries: readonly T[], encoded: EncodedEntries, cache: WeakMap<T, EncodedLine>): void {
  for (let pair = 0; pair < encoded.fresh.length; pair += 2) {
    const index = encoded.fresh[pair];
    const start = at + encoded.fresh[pair + 1];
    const line = encoded.lines[index];
    cache.set(entries[index], { bytes, start, end: start + line.end - line.start });
  }
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
