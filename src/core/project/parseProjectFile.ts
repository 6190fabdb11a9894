import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { Problem } from '../problem';
import { deepNestingOffset } from './deepNestingOffset';
import { defaultProjectConfig, type ProjectConfig } from './projectConfig';
import { describe, ProjectReader } from './projectReader';
import { readAttributeDeclarations, readKbLookup, readKbPrefixes, readRelationTypes } from './readAnnotationSchema';
import { readEntityTypes } from './readEntityTypes';
import { readGlobs } from './readGlobs';

/** A project file is a few dozen lines; anything near this size is not one. */
export const maxProjectFileBytes = 256 * 1024;
/** Real project files nest four levels deep; the parser's recursion is the thing to protect. */
export const maxProjectNesting = 64;

export interface ParsedProject {
  config: ProjectConfig;
  problems: Problem[];
}

/**
 * Reads `news-annotator.yaml`. Never throws: whatever the input, the result holds a usable
 * config (defaults stand in for every missing or broken part) and the problems found, each with
 * its 1-based line and code-point column. YAML syntax errors are reported, and what the parser
 * could still make of the rest is used.
 */
export function parseProjectFile(content: string, file: string): ParsedProject {
  try {
    return parse(typeof content === 'string' ? content : '', file);
  } catch (error) {
    // Nothing above is meant to throw; this keeps a library surprise from reaching the editor.
    const reader = new ProjectReader(file, '');
    reader.report('project-internal', `The project file could not be read (${error instanceof Error ? error.message : String(error)}); the defaults are used.`);
    return { config: defaultProjectConfig(), problems: reader.problems };
  }
}

function parse(content: string, file: string): ParsedProject {
  // VS Code hides a byte-order mark, so positions are counted without it, as the editor shows.
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const reader = new ProjectReader(file, text);
  const defaults = (): ParsedProject => ({ config: defaultProjectConfig(), problems: reader.problems });

  if (utf8ByteLengthAbove(text, maxProjectFileBytes)) {
    reader.report('project-too-large', `The project file is larger than ${maxProjectFileBytes / 1024} KB; it is ignored and the defaults are used.`);
    return defaults();
  }
  const deep = deepNestingOffset(text, maxProjectNesting);
  if (deep !== undefined) {
    reader.report('project-too-deep', `The project file nests deeper than ${maxProjectNesting} levels; it is ignored and the defaults are used.`, deep);
    return defaults();
  }

  // No `toJS` follows (so `maxAliasCount` has nothing to guard): the reader walks the nodes and
  // reports any alias without following it.
  const document = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    // The library's duplicate-key check is quadratic; ProjectReader.entries checks the maps read.
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    resolveKnownTags: false,
    strict: true,
  });
  for (const error of document.errors) reader.report('yaml-syntax', error.message, error.pos[0]);
  for (const warning of document.warnings) reader.report('yaml-warning', warning.message, warning.pos[0], 'warning');

  const root = document.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    reader.report('project-empty', 'The project file is empty; the defaults are used.', undefined, 'warning');
    return defaults();
  }
  if (reader.isAlias(root)) return defaults();
  if (!isMap(root)) {
    reader.report('project-not-a-map', `The project file must be a mapping with "version", "corpus" and "types", not ${describe(root)}; the defaults are used.`, root);
    return defaults();
  }
  const entries = reader.entries(root, 'the project file', ['version', 'corpus', 'types', 'relations', 'attributes', 'kbPrefixes', 'kbLookup']);
  checkVersion(reader, entries.get('version')?.value, entries.get('version')?.key);
  const { include, exclude } = readGlobs(reader, entries.get('corpus')?.value);
  const types = readEntityTypes(reader, entries.get('types')?.value);
  const config: ProjectConfig = { version: 1, include, exclude, types };
  const relations = readRelationTypes(reader, entries.get('relations')?.value, types);
  if (relations !== undefined) config.relations = relations;
  const attributes = readAttributeDeclarations(reader, entries.get('attributes')?.value);
  if (attributes !== undefined) config.attributes = attributes;
  const kbPrefixes = readKbPrefixes(reader, entries.get('kbPrefixes')?.value);
  if (kbPrefixes !== undefined) config.kbPrefixes = kbPrefixes;
  const kbLookup = readKbLookup(reader, entries.get('kbLookup')?.value, entries.get('kbLookup')?.key);
  if (kbLookup !== undefined) config.kbLookup = kbLookup;
  return { config, problems: reader.problems };
}

function checkVersion(reader: ProjectReader, node: Node | null | undefined, keyNode: Node | undefined): void {
  if (node === undefined) {
    reader.report('project-version-missing', 'Add "version: 1" at the top of the project file, so later versions of News Annotator can read it safely.', undefined, 'warning');
    return;
  }
  if (reader.isAlias(node)) return;
  if (node !== null && isScalar(node) && node.value === 1) return;
  reader.report('project-version', `"version" must be 1, not ${node ? describe(node) : 'nothing'}; the file is read as version 1.`, node ?? keyNode);
}

/** Whether the UTF-8 encoding of `text` is longer than `limit` bytes, without encoding it. */
function utf8ByteLengthAbove(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A surrogate half counts 2: a pair is 4 bytes (a lone half, written as 3, is near enough).
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}
