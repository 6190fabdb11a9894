/**
 * Checks a well-typed sidecar against its text and the project's entity types: spans that run
 * backwards or past the end, text that does not match the offsets, duplicate ids and unknown
 * types; and, as warnings, tags whose text starts or ends with white space (what export trims). These do not stop the file from being written (nothing is lost by writing it); they
 * are shown so a person can fix them.
 */
import type { AnchorResult } from '../anchoring/anchorSpan';
import type { CodePointIndex } from '../text/codePoints';
import { problem, type Problem, type ProblemCode } from '../problem';
import type { Annotation, EntryPosition, Sidecar, SourcePosition } from './model';
import { ProblemList } from './problemList';
import { canonicalFieldColumn } from './serializeSidecar';
import { whitespaceEdges } from '../editing/trimSpan';
import { validateSuggestions } from './validateSuggestions';
import { checkAnnotationExtras, validateRelations, type AnnotationRules } from './validateLinks';

export interface ValidateOptions {
  /** The project's relation types, attributes and KB prefixes; left out allows any. */
  rules?: AnnotationRules;
  /** Parallel to `sidecar.relations`: where each relation is written. */
  relationPositions?: readonly EntryPosition[];
  /** Parallel to `sidecar.suggestions`: where each suggestion is written. */
  suggestionPositions?: readonly EntryPosition[];
  /**
   * Parallel to `sidecar.annotations`: the store's anchoring against the same `text`. An exact
   * anchor already found the annotation's text at its offsets, so that slice is not taken and
   * compared a second time (once per tag of every file a cold `validate` reads).
   */
  anchors?: readonly AnchorResult[];
}

/**
 * @param text the current text, or undefined to skip the checks against it (the store does so
 *   when the text changed since the offsets were written, and re-anchors instead).
 * @param knownTypes the project's entity types, or undefined when any type is allowed.
 */
export function validateSidecar(
  sidecar: Sidecar,
  positions: readonly EntryPosition[],
  text: CodePointIndex | undefined,
  knownTypes: ReadonlySet<string> | undefined,
  file: string,
  options: ValidateOptions = {},
): Problem[] {
  const problems = new ProblemList(file);
  const firstLineOfId = new Map<string, number>();
  // One report for every entry (the entry being checked is `annotation` and `index`): a pair of
  // closures per entry added up to 20 MB over a 10,000-file corpus.
  let annotation: Annotation;
  let index = 0;
  const report = (code: ProblemCode, message: string, field: string, severity: Problem['severity'] = 'error') => {
    if (problems.full) return problems.count(severity);
    const at = fieldPosition(annotation, positions[index], field);
    problems.add(problem(code, message, file, at.line, at.column, severity));
  };
  for (; index < sidecar.annotations.length; index++) {
    annotation = sidecar.annotations[index];
    const line = positions[index]?.line ?? 1;
    const first = firstLineOfId.get(annotation.id);
    if (first === undefined) firstLineOfId.set(annotation.id, line);
    else report('duplicate-id', `The id "${annotation.id}" is used twice (first on line ${first}); ids must be unique in a file.`, 'id');

    if (knownTypes !== undefined && !knownTypes.has(annotation.type)) {
      report('unknown-entity-type', `"${annotation.type}" is not one of the project's entity types (${[...knownTypes].join(', ')}).`, 'type');
    }
    const edges = whitespaceEdges(annotation.text);
    if (edges.blank) {
      report('span-untrimmed', `${describeTag(annotation)} is only white space; exports leave it out.`, 'text', 'warning');
    } else if (edges.leading > 0 || edges.trailing > 0) {
      report('span-untrimmed', `${describeTag(annotation)} starts or ends with white space; exports trim it (tag ${JSON.stringify(annotation.text.trim())} instead).`, 'text', 'warning');
    }
    checkAnnotationExtras(annotation, text, options.rules, report);
    if (annotation.end < annotation.start) {
      report('span-reversed', `end (${annotation.end}) is before start (${annotation.start}); end must be at least start.`, 'end');
      continue;
    }
    if (text === undefined) continue;
    if (annotation.end > text.codePointLength) {
      report('span-out-of-range', `end (${annotation.end}) is past the end of the text (${text.codePointLength} code points).`, annotation.start > text.codePointLength ? 'start' : 'end');
      continue;
    }
    // A discontinuous span's text is checked fragment by fragment (checkAnnotationExtras).
    if (annotation.fragments !== undefined || options.anchors?.[index]?.kind === 'exact') continue;
    const actual = text.slice(annotation.start, annotation.end);
    if (actual !== annotation.text) {
      report('text-mismatch', `The text at ${annotation.start}-${annotation.end} is ${JSON.stringify(actual)}, not ${JSON.stringify(annotation.text)}.`, 'text');
    }
  }
  const result = problems.toArray();
  for (const item of validateRelations(sidecar, options.relationPositions, options.rules, file)) result.push(item);
  for (const item of validateSuggestions(sidecar, options.suggestionPositions, text, file)) result.push(item);
  return result;
}

/** The tag as export's warnings name it: its text (cut at 40 characters), type and id. */
function describeTag(annotation: Annotation): string {
  const characters = Array.from(annotation.text);
  const text = characters.length > 40 ? `${characters.slice(0, 40).join('')}…` : annotation.text;
  return `${JSON.stringify(text)} (${annotation.type}, id ${annotation.id})`;
}

/** Where a field of an entry is written: known from the reader, or from the canonical layout. */
export function fieldPosition(annotation: Annotation, position: EntryPosition | undefined, field: string): SourcePosition {
  if (position === undefined) return { line: 1, column: 1 };
  const known = position.fields?.[field];
  if (known !== undefined) return known;
  if (position.fields === undefined) {
    const column = canonicalFieldColumn(annotation, field);
    if (column !== undefined) return { line: position.line, column };
  }
  return position;
}
