import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/sidecar/model';
import { entriesFromTags } from '../../../src/core/suggest/entriesFromTags';
import { NameMatcher } from '../../../src/core/suggest/nameMatcher';
import { countSuggestions, suggestDocument } from '../../../src/core/suggest/suggestDocument';

const text = 'Gustavo Petro habló con Petro y con Ecopetrol en Bogotá.';

function tag(id: string, type: string, start: number, end: number): Annotation {
  return { id, type, start, end, text: [...text].slice(start, end).join('') };
}

describe('suggestions: one document', () => {
  const matcher = new NameMatcher(
    [
      { name: 'Petro', type: 'PERSON', source: 'gazetteer:names.tsv', line: 2 },
      { name: 'Bogotá', type: 'LOCATION', kbId: 'wikidata:Q2841', source: 'gazetteer:names.tsv', line: 3 },
    ],
    { ignoreCase: false },
  );

  it('suggests untagged names, skips spans already tagged with the type, and marks overlaps with other tags', () => {
    const annotations = [tag('aaaaaaaa', 'PERSON', 24, 29), tag('bbbbbbbb', 'ORG', 8, 13)];
    const { suggestions, added } = suggestDocument(text, annotations, [], matcher);
    assert.equal(added.length, 2);
    assert.deepEqual(
      suggestions.map((item) => [item.type, item.start, item.end, item.text, item.link, item.overlaps]),
      [
        ['PERSON', 8, 13, 'Petro', undefined, ['bbbbbbbb']],
        ['LOCATION', 49, 55, 'Bogotá', 'wikidata:Q2841', undefined],
      ],
    );
  });

  it('never brings back a rejected suggestion, nor duplicates an open one', () => {
    const first = suggestDocument(text, [], [], matcher);
    const rejected = first.suggestions.map((item) => (item.type === 'PERSON' && item.start === 8 ? { ...item, rejected: true as const } : item));
    const again = suggestDocument(text, [], rejected, matcher);
    assert.equal(again.added.length, 0);
    assert.deepEqual(again.suggestions, rejected);
  });

  it('counts for a dry run exactly what it would add, and slices texts with astral characters and marks', () => {
    const astral = '😀 Petro y Petro en Bogota\u0301; 𝐁 Bogotá.';
    const annotations = [{ id: 'aaaaaaaa', type: 'PERSON', start: 2, end: 7, text: 'Petro' }];
    const made = suggestDocument(astral, annotations, [], matcher);
    assert.deepEqual(made.added.map((item) => item.text), ['Petro', 'Bogota\u0301', 'Bogotá']);
    for (const item of made.added) assert.equal([...astral].slice(item.start, item.end).join(''), item.text);
    assert.equal(countSuggestions(astral, annotations, [], matcher), made.added.length);
    assert.equal(countSuggestions(astral, annotations, made.suggestions, matcher), 0);
    assert.equal(countSuggestions(astral, annotations, [], matcher, { types: new Set(['LOCATION']) }), 2);
  });

  it('keeps only the asked types', () => {
    const { added } = suggestDocument(text, [], [], matcher, { types: new Set(['LOCATION']) });
    assert.deepEqual(added.map((item) => item.text), ['Bogotá']);
  });

  it('scores names from the corpus by the share of their tags that carry each type', () => {
    const entries = entriesFromTags([
      { text: 'Petro', type: 'PERSON' },
      { text: 'Petro', type: 'PERSON' },
      { text: 'Petro', type: 'PERSON' },
      { text: 'Petro', type: 'ORG' },
      { text: 'A', type: 'ORG' },
      { text: 'New Bogotá', type: 'LOCATION', fragments: [[0, 3], [8, 14]] },
    ]);
    assert.deepEqual(entries.map((item) => [item.name, item.type, item.score]), [
      ['Petro', 'PERSON', 0.75],
      ['Petro', 'ORG', 0.25],
    ]);
  });
});
