/**
 * A fast reader for the yaml export exactly as `exportYaml` writes it: top-level `key: value`
 * lines and lists under them, whose items are flow mappings (`  - {...}`) or block mappings
 * (`  - file: ...` then `    key: value` lines, with lists of flow mappings six spaces in).
 * Values are read with the sidecar's strict flow reader. Anything else (a hand-edited file) makes
 * it give up, and the caller reads the file with the full YAML reader instead, which gives the
 * same data. Exports are large, and the full reader manages about 1 MB a second.
 */
import type { Locator } from '../sidecar/buildSidecar';
import type { SourcePosition } from '../sidecar/model';
import { readFlowValue, readKey, setOwn } from '../sidecar/readFlowValue';

interface Place {
  self: SourcePosition;
  children: Map<string | number, SourcePosition>;
}

type Pair = { key: string; value: unknown; hasValue: boolean; valueColumn: number };

export function readExportLayout(content: string): { root: Record<string, unknown>; locator: Locator } | undefined {
  const text = content.replace(/\r\n/g, '\n');
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const places = new WeakMap<object, Place>();
  const placeOf = (container: object, line: number, column = 1): Place => {
    const place: Place = { self: { line, column }, children: new Map() };
    places.set(container, place);
    return place;
  };
  const root: Record<string, unknown> = {};
  const rootPlace = placeOf(root, 1);
  let index = 0;
  // Reads `  - {flow}` items at `indent`, starting at `index`; stops at the first other line.
  const flowItems = (indent: string, list: unknown[], place: Place): boolean => {
    while (index < lines.length && lines[index].startsWith(indent + '- ')) {
      const line = lines[index];
      const value = readFlowValue(line, indent.length + 2);
      if (value === undefined || value.end !== line.length) return false;
      place.children.set(list.length, { line: index + 1, column: indent.length + 3 });
      if (typeof value.value === 'object' && value.value !== null) placeOf(value.value, index + 1, indent.length + 3);
      list.push(value.value);
      index++;
    }
    return true;
  };
  while (index < lines.length) {
    const line = lines[index];
    if (line === '' || line.startsWith('#')) {
      index++;
      continue;
    }
    const pair = readPair(line, 0);
    if (pair === undefined || Object.prototype.hasOwnProperty.call(root, pair.key)) return undefined;
    rootPlace.children.set(pair.key, { line: index + 1, column: pair.valueColumn });
    index++;
    if (pair.hasValue) {
      setOwn(root, pair.key, pair.value);
      continue;
    }
    const list: unknown[] = [];
    const listPlace = placeOf(list, index);
    setOwn(root, pair.key, list);
    while (index < lines.length && lines[index].startsWith('  - ')) {
      if (lines[index].charCodeAt(4) === 0x7b /* { */) {
        if (!flowItems('  ', list, listPlace)) return undefined;
        continue;
      }
      // A block mapping: the first pair after "  - ", the rest four spaces in.
      const map: Record<string, unknown> = {};
      const mapPlace = placeOf(map, index + 1, 5);
      listPlace.children.set(list.length, { line: index + 1, column: 5 });
      list.push(map);
      let first = true;
      while (index < lines.length && (first ? lines[index].startsWith('  - ') : lines[index].startsWith('    ') && !lines[index].startsWith('     '))) {
        const inner = readPair(lines[index], 4);
        if (inner === undefined || Object.prototype.hasOwnProperty.call(map, inner.key)) return undefined;
        mapPlace.children.set(inner.key, { line: index + 1, column: inner.valueColumn });
        index++;
        first = false;
        if (inner.hasValue) {
          setOwn(map, inner.key, inner.value);
          continue;
        }
        const items: unknown[] = [];
        setOwn(map, inner.key, items);
        if (!flowItems('      ', items, placeOf(items, index))) return undefined;
      }
    }
  }
  const locator: Locator = {
    at: (container, key) => {
      const place = places.get(container);
      if (place === undefined) return { line: 1, column: 1 };
      return key === undefined ? place.self : (place.children.get(key) ?? place.self);
    },
  };
  return { root, locator };
}

function readPair(line: string, start: number): Pair | undefined {
  const key = readKey(line, start);
  if (key === undefined || line.charCodeAt(key.end) !== 0x3a /* : */) return undefined;
  if (key.end + 1 === line.length) return { key: key.value, value: undefined, hasValue: false, valueColumn: key.end + 2 };
  if (line.charCodeAt(key.end + 1) !== 0x20) return undefined;
  const valueStart = key.end + 2;
  if (key.value === 'format' && start === 0 && line.charCodeAt(valueStart) !== 0x22) {
    return { key: key.value, value: line.slice(valueStart), hasValue: true, valueColumn: valueStart + 1 };
  }
  const value = readFlowValue(line, valueStart);
  if (value === undefined || value.end !== line.length) return undefined;
  return { key: key.value, value: value.value, hasValue: true, valueColumn: valueStart + 1 };
}
