/**
 * The full reader, for any file that is not in the canonical layout (hand-edited block style,
 * comments, reordered keys). It uses `yaml` with everything risky switched off and turns the
 * document into plain data plus a record of where each value was written.
 */
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Parser,
  type DocumentOptions,
  type Node,
  type ParsedNode,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { problem, type Problem, type ProblemCode } from '../problem';
import type { Locator } from './buildSidecar';
import { LinePositions } from '../text/linePositions';
import { ProblemList } from './problemList';
import type { SourcePosition } from './model';
import { setOwn } from './readFlowValue';
import { cstDepth, maximumDepth } from './safetyChecks';

export type YamlRead = { ok: true; root: unknown; locator: Locator } | { ok: false; problems: Problem[] };

// YAML 1.2 core schema only: no !!binary, !!set, !!timestamp, no merge keys. `uniqueKeys: false`
// because yaml's own duplicate check is quadratic (20k keys take 3.5 s); we check in one pass.
const composerOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  uniqueKeys: false,
  merge: false,
  intAsBigInt: false,
  strict: true,
  prettyErrors: false,
};

// Tags a person might use to force a type; any other tag is refused rather than half-understood.
const coreTags = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

interface Place {
  self: SourcePosition;
  children: Map<string | number, SourcePosition>;
}

/** Characters YAML 1.1 readers (PyYAML) take as line breaks and YAML 1.2 readers as text. */
const ambiguousBreaks = /[\u0085\u2028\u2029]/g;

export function readWithYaml(content: string, file: string): YamlRead {
  const lines = new LinePositions(content);
  // YAML ends lines at LF, CRLF and a lone CR alike; the yaml library does not take a lone CR as
  // one, so it would read a CR-only file as one comment. Same length, so offsets still match.
  const source = content.includes('\r') ? content.replace(/\r(?!\n)/g, '\n') : content;
  const list = new ProblemList(file);
  let found = 0;
  const report = (code: ProblemCode, message: string, offset: number) => {
    found++;
    if (list.full) return list.count('error');
    const where = lines.at(offset);
    list.add(problem(code, message, file, where.line, where.column));
  };
  try {
    const tokens = Array.from(new Parser().parse(source));
    const deepest = cstDepth(tokens);
    if (deepest.depth > maximumDepth) {
      report('yaml-too-deep', `Lists and maps are nested more than ${maximumDepth} deep; a sidecar needs 3. The file is not read.`, deepest.offset);
      return { ok: false, problems: list.toArray() };
    }
    const documents = Array.from(new Composer(composerOptions).compose(tokens, true, source.length));
    for (const error of documents.flatMap((document) => document.errors)) {
      report('yaml-syntax', firstLine(error.message), error.pos[0]);
    }
    if (documents.length > 1) {
      report('yaml-multiple-documents', 'A sidecar holds one YAML document; remove the extra "---" separator.', documents[1].range[0]);
    }
    if (found > 0) return { ok: false, problems: inFileOrder(list.toArray()) };

    const places = new WeakMap<object, Place>();
    const quoted: Array<readonly [number, number, number]> = [];
    const toData = (node: ParsedNode | Node | null, depth: number): unknown => {
      if (node === null) return null;
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        report('yaml-alias', `Aliases (*${node.source}) are not allowed in sidecars; write the value out.`, offset);
        return null;
      }
      if (node.tag !== undefined && !coreTags.has(node.tag)) {
        report('yaml-tag', `The tag ${node.tag} is not allowed in sidecars; remove it and quote the value.`, offset);
        return null;
      }
      if (isScalar(node)) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) quoted.push(node.range);
        return node.value;
      }
      if (depth > maximumDepth) return null;
      const place: Place = { self: lines.at(offset), children: new Map() };
      if (isSeq(node)) {
        const list: unknown[] = [];
        places.set(list, place);
        for (const item of node.items) {
          place.children.set(list.length, lines.at((item as Node | null)?.range?.[0] ?? offset));
          list.push(toData(item as ParsedNode | null, depth + 1));
        }
        return list;
      }
      if (isMap(node)) {
        const map: Record<string, unknown> = {};
        places.set(map, place);
        for (const pair of node.items) {
          const key = pair.key as ParsedNode | null;
          const keyOffset = key?.range?.[0] ?? offset;
          if (key !== null && !isScalar(key)) {
            report('yaml-complex-key', 'Keys must be plain names, not lists or maps.', keyOffset);
            continue;
          }
          const name = key === null ? '' : String(key.value);
          if (Object.prototype.hasOwnProperty.call(map, name)) {
            report('duplicate-key', `The key ${JSON.stringify(name)} appears twice in this mapping; keep one.`, keyOffset);
            continue;
          }
          const value = pair.value as ParsedNode | null;
          place.children.set(name, lines.at(value?.range?.[0] ?? keyOffset));
          setOwn(map, name, toData(value, depth + 1));
        }
        return map;
      }
      return null;
    };
    const root = toData(documents[0]?.contents ?? null, 0);
    reportAmbiguousBreaks(content, quoted, report);
    // Aliases, tags, duplicate or complex keys: the data would not be what the file says.
    if (found > 0) return { ok: false, problems: list.toArray() };
    const locator: Locator = {
      at: (container, key) => {
        const place = places.get(container);
        if (place === undefined) return { line: 1, column: 1 };
        return key === undefined ? place.self : (place.children.get(key) ?? place.self);
      },
      fields: (entry) => Object.fromEntries(places.get(entry)?.children ?? []),
    };
    return { ok: true, root, locator };
  } catch (error) {
    // `yaml` throws plain errors on some inputs (e.g. an undefined alias): catch everything.
    report('yaml-syntax', `The file could not be read as YAML: ${error instanceof Error ? firstLine(error.message) : String(error)}`, 0);
    return { ok: false, problems: list.toArray() };
  }
}

/**
 * A raw NEL, LS or PS outside a quoted string ends a line for a YAML 1.1 reader (PyYAML) and not
 * for a YAML 1.2 one, so the two would read different annotations (after a comment, a whole
 * entry). Such a file cannot be read exactly: it is reported, and so never rewritten. NEL is
 * folded inside quoted strings by YAML 1.1 too, so it is reported wherever it is.
 */
function reportAmbiguousBreaks(content: string, quoted: Array<readonly [number, number, number]>, report: (code: ProblemCode, message: string, offset: number) => void): void {
  if (!/[\u0085\u2028\u2029]/.test(content)) return;
  quoted.sort((left, right) => left[0] - right[0]);
  let range = 0;
  for (const match of content.matchAll(ambiguousBreaks)) {
    const offset = match.index;
    while (range < quoted.length && quoted[range][1] <= offset) range++;
    const insideQuotes = range < quoted.length && quoted[range][0] < offset;
    if (insideQuotes && match[0] !== '\u0085') continue;
    const name = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    report('yaml-ambiguous-line-break', `A raw ${name} character here is a line break to some YAML readers and not to others; write it as "\\u${name.slice(2).toLowerCase()}" inside a double-quoted string, or remove it. The file is not written until then.`, offset);
    return;
  }
}

function inFileOrder(problems: Problem[]): Problem[] {
  // The note of how many more were found stays last.
  const last = (item: Problem) => (item.code === 'sidecar-too-many-problems' ? 1 : 0);
  return problems.sort((left, right) => last(left) - last(right) || left.line - right.line || left.column - right.column);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
