/**
 * Shared helpers for the sidecar and store tests: where the fixtures are, random sidecars for
 * property tests, and the plain data a YAML reader should see in a serialised sidecar.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  annotationKeyOrder,
  relationKeyOrder,
  sourceKeyOrder,
  suggestionKeyOrder,
  topLevelKeyOrder,
  type Annotation,
  type Relation,
  type Sidecar,
  type Suggestion,
} from '../../../src/core/sidecar/model';
import { sortAnnotations, sortRelations, sortSuggestions } from '../../../src/core/sidecar/serializeSidecar';

/** Tests run from a build folder (out/ or out-NAME/); walk up until the fixtures appear. */
export function sidecarFixtureFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'test', 'unit', 'fixtures', 'sidecar');
    if (existsSync(path.join(candidate, 'article.txt'))) return candidate;
    if (path.dirname(folder) === folder) throw new Error(`sidecar fixtures not found above ${__dirname}`);
  }
}

export function readFixture(name: string): string {
  return readFileSync(path.join(sidecarFixtureFolder(), name), 'utf8');
}

export function readFixtureBytes(name: string): Uint8Array {
  return readFileSync(path.join(sidecarFixtureFolder(), name));
}

// Pieces that have tripped YAML writers and readers: line breaks of every kind, quotes,
// backslashes, control characters, BOM, astral characters, and words YAML 1.1 coerces.
const awkwardPieces = fc.constantFrom(
  '\r\n', '\n', '\r', '\u2028', '\u2029', '\u0085', '"', "'", '\\', '\\n', '\u0000', '\u0007', '\u007f', '\u009f',
  '\ufeff', '\ufffe', '\uffff', '\t', '😀', '👩‍👩‍👧', '𝔘', 'True', 'NO', 'on', '~', 'null', '0123', '1e3',
  '2026-11-24', '# not a comment', ': ', '- ', '{', '}', '[', ']', ',', '&a', '*a', '!!binary', '<<<<<<< ', '---', '%YAML',
);

export const awkwardString = (minLength = 0): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), awkwardPieces), { minLength, maxLength: 6 })
    .map((pieces) => pieces.join(''))
    .filter((text) => text.length >= minLength);

const offset = fc.nat({ max: 100_000 });

/** Values of unknown fields: anything YAML can hold, numbers that survive a text round trip. */
export const unknownValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    awkwardString(),
    fc.integer(),
    fc.double({ noNaN: false }).filter((number) => !Object.is(number, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(unknownKey(), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

function unknownKey(known: readonly string[] = []): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom('confidence', 'yes', 'On', 'null', 'True', '__proto__', 'constructor', '1', '0123', 'with space', '', 'x-y', '"q"', '😀'),
      awkwardString(),
    )
    .filter((key) => !known.includes(key));
}

const extraFor = (known: readonly string[]) =>
  fc.dictionary(unknownKey(known), unknownValue, { minKeys: 1, maxKeys: 3, noNullPrototype: true });

export const annotationArbitrary: fc.Arbitrary<Annotation> = fc.record(
  {
    id: awkwardString(1),
    type: fc.oneof(fc.constantFrom('PERSON', 'ORGANIZATION', 'LOCATION', 'DATE'), awkwardString(1)),
    start: offset,
    end: offset,
    text: awkwardString(),
    fragments: fc.array(fc.tuple(offset, offset), { maxLength: 3 }),
    note: awkwardString(),
    attributes: fc.dictionary(unknownKey(), fc.oneof(awkwardString(), fc.constant(true as const)), { maxKeys: 3, noNullPrototype: true }),
    links: fc.array(fc.oneof(fc.constantFrom('wikidata:Q1365697', 'geonames:3688689'), awkwardString(1)), { maxLength: 2 }),
    annotator: awkwardString(),
    created: fc.constantFrom('2026-11-24T20:00:00Z', '2001-12-14', 'yesterday'),
    prefix: awkwardString(),
    suffix: awkwardString(),
    extra: extraFor(annotationKeyOrder),
  },
  { requiredKeys: ['id', 'type', 'start', 'end', 'text'], noNullPrototype: true },
);

export const relationArbitrary: fc.Arbitrary<Relation> = fc.record(
  {
    id: awkwardString(1),
    type: fc.oneof(fc.constantFrom('meets', 'located_in', 'Agent'), awkwardString(1)),
    from: awkwardString(1),
    to: awkwardString(1),
    role: fc.constant(true as const),
    note: awkwardString(),
    annotator: awkwardString(),
    created: fc.constantFrom('2026-11-24T20:00:00Z', 'yesterday'),
    extra: extraFor(relationKeyOrder),
  },
  { requiredKeys: ['id', 'type', 'from', 'to'], noNullPrototype: true },
);

export const suggestionArbitrary: fc.Arbitrary<Suggestion> = fc.record(
  {
    id: awkwardString(1),
    type: fc.oneof(fc.constantFrom('PERSON', 'ORGANIZATION', 'LOCATION'), awkwardString(1)),
    start: offset,
    end: offset,
    text: awkwardString(),
    source: fc.oneof(fc.constantFrom('tags', 'gazetteer:names.tsv'), awkwardString(1)),
    score: fc.oneof(fc.constantFrom(0, 1, 0.9, 0.125, 1 / 3), fc.double({ min: 0, max: 1, noNaN: true })),
    link: fc.oneof(fc.constant('wikidata:Q1365697'), awkwardString()),
    overlaps: fc.array(awkwardString(1), { maxLength: 2 }),
    rejected: fc.constant(true as const),
    extra: extraFor(suggestionKeyOrder),
  },
  { requiredKeys: ['id', 'type', 'start', 'end', 'text', 'source', 'score'], noNullPrototype: true },
);

export const sidecarArbitrary: fc.Arbitrary<Sidecar> = fc
  .record(
    {
      file: awkwardString(),
      sha256: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), awkwardString()),
      bom: fc.boolean(),
      newline: fc.constantFrom('lf', 'crlf', 'mixed', 'none'),
      sourceExtra: fc.option(extraFor(sourceKeyOrder), { nil: undefined }),
      status: fc.constantFrom('untouched', 'in-progress', 'done'),
      annotations: fc.array(annotationArbitrary, { maxLength: 8 }),
      relations: fc.option(fc.array(relationArbitrary, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      suggestions: fc.option(fc.array(suggestionArbitrary, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      extra: fc.option(extraFor(topLevelKeyOrder), { nil: undefined }),
    },
    { noNullPrototype: true },
  )
  .map((parts) => {
    const sidecar: Sidecar = {
      format: 'news-annotator/1',
      source: { file: parts.file, sha256: parts.sha256, unit: 'codepoint', encoding: 'utf-8', bom: parts.bom, newline: parts.newline },
      status: parts.status,
      annotations: parts.annotations,
    };
    if (parts.relations !== undefined) sidecar.relations = parts.relations;
    if (parts.suggestions !== undefined) sidecar.suggestions = parts.suggestions;
    if (parts.sourceExtra !== undefined) sidecar.source.extra = parts.sourceExtra;
    if (parts.extra !== undefined) sidecar.extra = parts.extra;
    return sidecar;
  });

/** The sidecar as the canonical writer orders it (entries sorted), for deep comparisons. */
export function canonicalOrder(sidecar: Sidecar): Sidecar {
  const ordered: Sidecar = { ...sidecar, annotations: [...sortAnnotations(sidecar.annotations)] };
  if (sidecar.relations !== undefined) ordered.relations = [...sortRelations(sidecar.relations)];
  if (sidecar.suggestions !== undefined) ordered.suggestions = [...sortSuggestions(sidecar.suggestions)];
  return ordered;
}

/** What any YAML reader should see in the written file: the data without `extra` wrappers. */
export function plainData(sidecar: Sidecar): Record<string, unknown> {
  const { extra: sourceExtra, ...source } = sidecar.source;
  return {
    ...sidecar.extra,
    format: sidecar.format,
    source: { ...sourceExtra, ...source },
    status: sidecar.status,
    annotations: sortAnnotations(sidecar.annotations).map(({ extra, ...known }) => ({ ...extra, ...known })),
    ...(sidecar.relations === undefined ? {} : { relations: sortRelations(sidecar.relations).map(({ extra, ...known }) => ({ ...extra, ...known })) }),
    ...(sidecar.suggestions === undefined ? {} : { suggestions: sortSuggestions(sidecar.suggestions).map(({ extra, ...known }) => ({ ...extra, ...known })) }),
  };
}
