/**
 * The fast path of the reader: files in the exact canonical layout (what the extension writes,
 * so nearly every file) are read line by line without `yaml`, which reads about 1 MB a second.
 * A file is taken only when every line is exactly what the canonical writer would write for the
 * data read from it; any other file, or anything this reader does not follow, goes to the full
 * `yaml` reader instead. The canonical form is a subset of YAML whose meaning is JSON's, so both
 * readers give the same data (a property test checks this on random and damaged files).
 */
import { buildSidecar, type BuiltSidecar, type Locator } from './buildSidecar';
import type { Annotation, EntryPosition, LineEnding, Relation, SourcePosition, Suggestion } from './model';
import { readAnnotation } from './readAnnotation';
import { readRelation } from './readRelation';
import { readSuggestion } from './readSuggestion';
import { readCanonicalEntry } from './readCanonicalEntry';
import { readFlowValue, readKey, setOwn } from './readFlowValue';
import {
  compareAnnotations,
  compareRelations,
  compareSuggestions,
  entryIndent,
  headerLines,
  rememberCanonicalLine,
  serializeAnnotation,
  serializeRelation,
  formatSuggestion,
  rememberSuggestionLine,
} from './serializeSidecar';

export interface FastRead extends BuiltSidecar {
  lineEnding: LineEnding;
  /** Whether every line break is the same (all LF or all CRLF): the file is byte for byte what the writer writes. */
  uniformLineBreaks: boolean;
}

/** Entries from which the reader hands the lines it read to the writer. */
const rememberedFrom = 1_000;

const nowhere: SourcePosition = { line: 1, column: 1 };
const noLocator: Locator = { at: () => nowhere };

/** The sidecar of a canonical file, or undefined when the file must be read with `yaml`. */
export function readCanonical(content: string, file: string): FastRead | undefined {
  // Line breaks as YAML defines them: LF, CRLF or a lone CR. Inside canonical values every CR
  // and LF is escaped, so in a file this reader accepts a raw one only ever ends a line.
  const lines = content.includes('\r') ? content.split(/\r\n|\r|\n/) : content.split('\n');
  if (lines.pop() !== '') return undefined;
  let lineLengths = 0;
  for (const line of lines) lineLengths += line.length;
  const breakLength = content.length - lineLengths;
  const allCrlf = breakLength === 2 * lines.length;
  const uniformLineBreaks = allCrlf || !content.includes('\r');
  // A mixed file is rewritten with CRLF if it has any, so git's checkout style survives.
  const lineEnding: LineEnding = allCrlf || (!uniformLineBreaks && content.includes('\r\n')) ? 'crlf' : 'lf';

  const outline = canonicalOutline(lines, file);
  if (outline === undefined) return undefined;
  const { listAt, relationsAt, suggestionsAt, listsEnd, annotationsEnd, built } = outline;

  const annotations: Annotation[] = [];
  const positions: EntryPosition[] = [];
  let previous: Annotation | undefined;
  // Long files only: their first write would format thousands of lines; a corpus of short ones
  // loaded for the index or the command line would only fill the writer's cache for nothing.
  const remember = lines.length - listAt > rememberedFrom;
  for (let index = listAt + 1; index < annotationsEnd; index++) {
    const line = lines[index];
    const annotation = readCanonicalEntry(line) ?? readOtherEntry(line);
    // Entries must be in the writer's order too.
    if (annotation === undefined || (previous !== undefined && compareAnnotations(previous, annotation) > 0)) return undefined;
    // Both readers accept a line only when it is exactly what the writer writes for the entry.
    if (remember) rememberCanonicalLine(annotation, line.slice(entryIndent.length));
    annotations.push(annotation);
    positions.push({ line: index + 1, column: entryIndent.length + 1 });
    previous = annotation;
  }
  built.sidecar.annotations = annotations;
  const relationPositions: EntryPosition[] = [];
  if (relationsAt >= 0) {
    const relations: Relation[] = [];
    let previousRelation: Relation | undefined;
    for (let index = relationsAt + 1; index < listsEnd; index++) {
      const relation = readRelationLine(lines[index]);
      if (relation === undefined || (previousRelation !== undefined && compareRelations(previousRelation, relation) > 0)) return undefined;
      relations.push(relation);
      relationPositions.push({ line: index + 1, column: entryIndent.length + 1 });
      previousRelation = relation;
    }
    built.sidecar.relations = relations;
  }
  const suggestionPositions: EntryPosition[] = [];
  if (suggestionsAt >= 0) {
    const suggestions: Suggestion[] = [];
    let previousSuggestion: Suggestion | undefined;
    for (let index = suggestionsAt + 1; index < lines.length; index++) {
      const suggestion = readSuggestionLine(lines[index]);
      if (suggestion === undefined || (previousSuggestion !== undefined && compareSuggestions(previousSuggestion, suggestion) > 0)) return undefined;
      suggestions.push(suggestion);
      suggestionPositions.push({ line: index + 1, column: entryIndent.length + 1 });
      previousSuggestion = suggestion;
    }
    built.sidecar.suggestions = suggestions;
  }
  return { sidecar: built.sidecar, positions, relationPositions, suggestionPositions, problems: [], lineEnding, uniformLineBreaks };
}

/** Where a canonical file's lists are, and its header read and checked; see `canonicalOutline`. */
export interface CanonicalOutline {
  readonly listAt: number;
  /** -1 when there are no relations / suggestions. */
  readonly relationsAt: number;
  readonly suggestionsAt: number;
  /** The end of the annotation and relation lists (the suggestions heading, or the last line). */
  readonly listsEnd: number;
  readonly annotationsEnd: number;
  /** The header as the reader builds it (no entries yet). */
  readonly built: BuiltSidecar;
}

/**
 * The outline both canonical readers (the sidecar and the spans-only one) hold a file to: the
 * list headings in the writer's order, and header lines that are exactly what the writer writes
 * for the header they hold. Undefined when the file is not canonical.
 */
export function canonicalOutline(lines: readonly string[], file: string): CanonicalOutline | undefined {
  const listAt = lines.findIndex((line) => line === 'annotations:' || line === 'annotations: []');
  if (listAt < 0) return undefined;
  // Relations, when there are any, follow the annotations under a `relations:` line (no entry
  // line can equal it: entries start with the indent).
  // Suggestions, likewise, come last under a `suggestions:` line.
  const relationsAt = lines.indexOf('relations:', listAt + 1);
  const suggestionsAt = lines.indexOf('suggestions:', listAt + 1);
  if (relationsAt >= 0 && suggestionsAt >= 0 && suggestionsAt < relationsAt) return undefined;
  const listsEnd = suggestionsAt < 0 ? lines.length : suggestionsAt;
  const annotationsEnd = relationsAt < 0 ? listsEnd : relationsAt;
  if ((lines[listAt] === 'annotations: []') !== (annotationsEnd === listAt + 1)) return undefined;
  if (relationsAt >= 0 && relationsAt === listsEnd - 1) return undefined;
  if (suggestionsAt === lines.length - 1) return undefined;
  // The header: a comment, then `key: value` lines, read into a root without the entries.
  const root: Record<string, unknown> = {};
  for (let index = 1; index < listAt; index++) {
    const pair = readTopLevel(lines[index]);
    if (pair === undefined || Object.prototype.hasOwnProperty.call(root, pair[0])) return undefined;
    setOwn(root, pair[0], pair[1]);
  }
  setOwn(root, 'annotations', []);
  const built = buildSidecar(root, noLocator, file);
  if (built.problems.length > 0) return undefined;
  const header = headerLines(built.sidecar);
  if (header.length !== listAt || header.some((line, index) => line !== lines[index])) return undefined;

  return { listAt, relationsAt, suggestionsAt, listsEnd, annotationsEnd, built };
}

/** A suggestion line, read generally and accepted only when the writer writes exactly that line. */
export function readSuggestionLine(line: string): Suggestion | undefined {
  if (!line.startsWith(entryIndent)) return undefined;
  const entry = readFlowValue(line, entryIndent.length);
  if (entry === undefined || entry.end !== line.length) return undefined;
  let usable = true;
  const suggestion = readSuggestion(entry.value, nowhere, noLocator, () => (usable = false));
  if (suggestion === undefined || !usable) return undefined;
  if (entryIndent + formatSuggestion(suggestion) !== line) return undefined;
  rememberSuggestionLine(suggestion, line.slice(entryIndent.length));
  return suggestion;
}

/** A relation line, read generally and accepted only when the writer writes exactly that line. */
export function readRelationLine(line: string): Relation | undefined {
  if (!line.startsWith(entryIndent)) return undefined;
  const entry = readFlowValue(line, entryIndent.length);
  if (entry === undefined || entry.end !== line.length) return undefined;
  let usable = true;
  const relation = readRelation(entry.value, nowhere, noLocator, () => (usable = false));
  if (relation === undefined || !usable) return undefined;
  return entryIndent + serializeRelation(relation) === line ? relation : undefined;
}

/** An entry with attributes or unknown fields: read generally, then checked by writing it. */
export function readOtherEntry(line: string): Annotation | undefined {
  if (!line.startsWith(entryIndent)) return undefined;
  const entry = readFlowValue(line, entryIndent.length);
  if (entry === undefined || entry.end !== line.length) return undefined;
  let usable = true;
  const annotation = readAnnotation(entry.value, nowhere, noLocator, () => (usable = false));
  if (annotation === undefined || !usable) return undefined;
  return entryIndent + serializeAnnotation(annotation) === line ? annotation : undefined;
}

export function readTopLevel(line: string): [string, unknown] | undefined {
  const key = readKey(line, 0);
  if (key === undefined || !line.startsWith(': ', key.end)) return undefined;
  const valueStart = key.end + 2;
  if (key.value === 'format' && line.charCodeAt(valueStart) !== 0x22) {
    // The format marker is the one plain (unquoted) string in a canonical file.
    return [key.value, line.slice(valueStart)];
  }
  const value = readFlowValue(line, valueStart);
  if (value === undefined || value.end !== line.length) return undefined;
  return [key.value, value.value];
}
