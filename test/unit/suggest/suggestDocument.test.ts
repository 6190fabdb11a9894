import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/sidecar/model';
import { entriesFromTags } from '../../../src/core/suggest/entriesFromTags';
import { NameMatcher } from '../../../src/core/suggest/nameMatcher';
import { suggestDocument } from '../../../src/core/suggest/suggestDocument';

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
