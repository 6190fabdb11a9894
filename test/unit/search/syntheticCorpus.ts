/**
 * A reproducible synthetic corpus for the scale printouts: names built from syllables (some with
 * accents, some in capitals), mentions spread over files with a long tail, as in real news: a few
 * entities everywhere, most mentioned once or twice.
 */
import type { IndexAnnotation, IndexEntry } from '../../../src/core/index/indexEntry';

export interface SyntheticOptions {
  files: number;
  annotations: number;
  entities: number;
  seed?: number;
}

export interface SyntheticEntity {
  type: string;
  text: string;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'ba', 'be', 'bo', 'ca', 'co', 'da', 'de', 'do', 'fa', 'fe', 'ga', 'go', 'ha', 'jo', 'ka', 'la', 'le', 'li', 'lo', 'ma',
  'me', 'mi', 'mo', 'na', 'ne', 'ni', 'no', 'pa', 'pe', 'pi', 'po', 'ra', 're', 'ri', 'ro', 'sa', 'se', 'si', 'so', 'ta',
  'te', 'ti', 'to', 'va', 've', 'vi', 'za', 'zo', 'tra', 'gen', 'mar', 'son', 'ber', 'lin', 'san', 'dor', 'rio', 'ná', 'lé', 'çu',
];
const types = ['PERSON', 'ORG', 'LOCATION', 'EVENT', 'MISC', 'DATE'];
const orgWords = ['Bank', 'Group', 'Ministry', 'Union', 'Agency', 'Institute', 'Council', 'Partners'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const filler = ['the', 'minister', 'said', 'on', 'monday', 'that', 'talks', 'with', 'officials', 'in', 'port', 'city', 'would', 'resume', 'after', 'a', 'week'];

function word(next: () => number, parts: number): string {
  let text = '';
  for (let index = 0; index < parts; index++) text += syllables[Math.floor(next() * syllables.length)];
  return text[0].toUpperCase() + text.slice(1);
}

/** `count` distinct (type, text) pairs. */
export function syntheticEntities(count: number, seed = 1): SyntheticEntity[] {
  const next = random(seed);
  const seen = new Set<string>();
  const entities: SyntheticEntity[] = [];
  while (entities.length < count) {
    const type = types[Math.floor(next() * next() * types.length)];
    let text: string;
    if (type === 'PERSON') text = `${word(next, 2)} ${word(next, 2 + Math.floor(next() * 2))}`;
    else if (type === 'ORG') text = `${word(next, 2)} ${orgWords[Math.floor(next() * orgWords.length)]}`;
    else if (type === 'DATE') text = `${1 + Math.floor(next() * 28)} ${months[Math.floor(next() * 12)]} ${1990 + Math.floor(next() * 40)}`;
    else text = word(next, 2 + Math.floor(next() * 3));
    const key = `${type}\u0000${text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entities.push({ type, text });
  }
  return entities;
}

function context(next: () => number): string {
  const words: string[] = [];
  for (let index = 0; index < 6; index++) words.push(filler[Math.floor(next() * filler.length)]);
  return ` ${words.join(' ')} `.slice(0, 32);
}

/** File paths and their entries; every entity is mentioned at least once. */
export function syntheticCorpus(options: SyntheticOptions): { entities: SyntheticEntity[]; files: [string, IndexEntry][] } {
  const next = random(options.seed ?? 7);
  const entities = syntheticEntities(options.entities, options.seed ?? 1);
  const perFile: IndexAnnotation[][] = Array.from({ length: options.files }, () => []);
  for (let index = 0; index < options.annotations; index++) {
    // The first pass names each entity once; after that a long tail (u^3 favours low ranks).
    const rank = index < entities.length ? index : Math.floor(entities.length * next() ** 3);
    const entity = entities[rank];
    const file = Math.floor(next() * options.files);
    const list = perFile[file];
    const start = list.length * 60 + Math.floor(next() * 20);
    // One mention in twenty is written in capitals: it must group with the others.
    const text = next() < 0.05 ? entity.text.toUpperCase() : entity.text;
    list.push({
      id: (index + 1e9).toString(32).slice(-8),
      type: entity.type,
      start,
      end: start + [...text].length,
      text,
      ...(next() < 0.01 ? { note: `check ${word(next, 2)} spelling` } : {}),
      prefix: context(next),
      suffix: context(next),
    });
  }
  const files = perFile.map((annotations, index): [string, IndexEntry] => [
    `corpus/${String(index % 97).padStart(2, '0')}/article-${index}.txt`,
    {
      hasSidecar: annotations.length > 0,
      status: index % 3 === 0 ? 'done' : annotations.length > 0 ? 'in-progress' : 'untouched',
      annotations,
      problems: 0,
      unreadable: false,
      orphans: 0,
      sidecarStamp: { size: annotations.length * 200, mtimeMs: 1_700_000_000_000 + index },
      textStamp: null,
    },
  ]);
  return { entities, files };
}

/**
 * Names typed letter by letter, as a reviewer searches: a third with two letters swapped, a third
 * with one dropped, every fifth behind a `type:` filter. Each keystroke is one query; `last`
 * marks the whole (possibly misspelt) name.
 */
export function typedKeystrokes(entities: readonly SyntheticEntity[], names: number, seed: number): { query: string; entity: SyntheticEntity; last: boolean }[] {
  const next = random(seed);
  const typed: { query: string; entity: SyntheticEntity; last: boolean }[] = [];
  for (let round = 0; round < names; round++) {
    const entity = entities[Math.floor(next() * entities.length)];
    let name = entity.text.toLowerCase();
    const at = 1 + Math.floor(next() * Math.max(1, name.length - 3));
    if (round % 3 === 1 && name.length > 4) name = name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
    if (round % 3 === 2 && name.length > 4) name = name.slice(0, at) + name.slice(at + 1);
    const filter = round % 5 === 0 ? `type:${entity.type.slice(0, 3).toLowerCase()} ` : '';
    for (let length = 1; length <= name.length; length++) typed.push({ query: filter + name.slice(0, length), entity, last: length === name.length });
  }
  return typed;
}
