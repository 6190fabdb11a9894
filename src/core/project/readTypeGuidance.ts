/**
 * What tells annotators what a type means: `definition` (one or two sentences), `examples` and
 * `notExamples` (short texts that are, and look like but are not, the type). A broken field is
 * reported at its line and left out; the type itself is kept.
 */
import { isScalar, isSeq, type Node } from 'yaml';
import type { EntityType } from './projectConfig';
import { describe, type Entry, type ProjectReader } from './projectReader';

/** An example is a name or a short phrase; a paragraph belongs in the guidelines file. */
export const maxExampleLength = 200;

export function readTypeGuidance(reader: ProjectReader, entries: ReadonlyMap<string, Entry>, type: EntityType): void {
  const definitionEntry = entries.get('definition');
  if (definitionEntry) {
    const definition = reader.string(definitionEntry.value, `The definition of "${type.name}"`, 'project-definition', definitionEntry.key);
    if (definition !== undefined && definition.trim() === '') {
      reader.report('project-definition', `The definition of "${type.name}" is empty; write one or two sentences saying what counts as ${type.name}.`, definitionEntry.value ?? definitionEntry.key, 'warning');
    } else if (definition !== undefined) type.definition = definition.trim();
  }
  for (const field of ['examples', 'notExamples'] as const) {
    const entry = entries.get(field);
    if (!entry) continue;
    const texts = readExamples(reader, entry, `"${field}" of "${type.name}"`);
    if (texts !== undefined && texts.length > 0) type[field] = texts;
  }
}

/** A list of short texts; one text alone reads as a list of one. A number (`- 2024`) keeps its written form. */
function readExamples(reader: ProjectReader, entry: Entry, what: string): string[] | undefined {
  const node = entry.value;
  if (reader.isAlias(node)) return undefined;
  if (node !== null && text(node) !== undefined) return keep(reader, [node], what);
  if (node === null || !isSeq(node)) {
    const empty = node === null || (isScalar(node) && node.value === null);
    reader.report('project-examples', `${what} must be a list of short texts, not ${empty ? 'nothing' : describe(node)}; it is ignored.`, empty ? entry.key : node);
    return undefined;
  }
  return keep(reader, (node.items as (Node | null)[]).map((item) => item ?? node), what);
}

/** The usable texts of `items`, each other item reported in the order the file has them. */
function keep(reader: ProjectReader, items: readonly Node[], what: string): string[] {
  const texts: string[] = [];
  for (const item of items) {
    if (reader.isAlias(item)) continue;
    const value = text(item)?.trim();
    if (value === undefined) reader.report('project-examples', `${what} must hold only short texts, not ${describe(item)}; that item is left out.`, item);
    else if (value === '') reader.report('project-examples', `An item of ${what} is empty; it is left out.`, item, 'warning');
    else if ([...value].length > maxExampleLength) reader.report('project-examples', `An item of ${what} is longer than ${maxExampleLength} characters; examples are names or short phrases, so it is left out (explain longer cases in the guidelines file).`, item, 'warning');
    else texts.push(value);
  }
  return texts;
}

function text(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  // `- 2024` or `- 3.50` read as numbers: the example is what was written, not the number.
  if (typeof node.value === 'number') return node.source ?? String(node.value);
  return undefined;
}
