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

export function readWithYaml(content: string, file: string): YamlRead {
  const lines = new LinePositions(content);
  const problems: Problem[] = [];
  const report = (code: ProblemCode, message: string, offset: number) => {
    const where = lines.at(offset);
    problems.push(problem(code, message, file, where.line, where.column));
  };
  try {
    const tokens = Array.from(new Parser().parse(content));
    const deepest = cstDepth(tokens);
    if (deepest.depth > maximumDepth) {
      report('yaml-too-deep', `Lists and maps are nested more than ${maximumDepth} deep; a sidecar needs 3. The file is not read.`, deepest.offset);
      return { ok: false, problems };
    }
    const documents = Array.from(new Composer(composerOptions).compose(tokens, true, content.length));
    for (const error of documents.flatMap((document) => document.errors)) {
      report('yaml-syntax', firstLine(error.message), error.pos[0]);
    }
    if (documents.length > 1) {
      report('yaml-multiple-documents', 'A sidecar holds one YAML document; remove the extra "---" separator.', documents[1].range[0]);
    }
    if (problems.length > 0) return { ok: false, problems: inFileOrder(problems) };

    const places = new WeakMap<object, Place>();
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
      if (isScalar(node)) return node.value;
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
    // Aliases, tags, duplicate or complex keys: the data would not be what the file says.
    if (problems.length > 0) return { ok: false, problems };
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
    return { ok: false, problems };
  }
}

function inFileOrder(problems: Problem[]): Problem[] {
  return problems.sort((left, right) => left.line - right.line || left.column - right.column);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
