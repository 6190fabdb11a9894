import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CorpusDocument } from '../../../src/core/corpus/loadCorpus';
import { summariseDocument, unknownAnnotator } from '../../../src/core/index/fileSummary';
import type { Annotation } from '../../../src/core/sidecar/model';

/** A loaded document with these placed and unplaced annotations and nothing else of note. */
function documentOf(placed: Annotation[], unplaced: Array<{ annotation: Annotation; kind: 'orphan' | 'fuzzy' }>): CorpusDocument {
  const loaded = { decoded: { encoding: { utf8: true } }, sidecar: { annotations: [...placed, ...unplaced.map((item) => item.annotation)] }, problems: [] };
  return { path: 'a.txt', loaded, hasSidecar: true, status: 'in-progress', placed, unplaced: unplaced.map((item) => ({ ...item, position: { line: 1, column: 1 } })) } as unknown as CorpusDocument;
}

/** Counts per name in the order names first occur: the model the summary must agree with. */
function countsOf(names: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts];
}

describe('summariseDocument', () => {
  it('property: counts per type and per annotator, in the order they first occur, placed and unplaced alike', () => {
    // Names are copied on each use, as a sidecar reader hands out a fresh string per line; some
    // runs have more than 32 names, past which the counting looks names up another way.
    const name = (prefix: string, span: number) => fc.constantFrom(...Array.from({ length: span + 1 }, (_, number) => number)).map((number) => `${prefix}${number}`.split('').join(''));
    const annotation = fc.record({ type: name('T', 40), annotator: fc.option(name('a', 3), { nil: undefined }), orphan: fc.boolean(), placed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 120 }), (items) => {
        const toAnnotation = (item: (typeof items)[number], index: number): Annotation => ({ id: `id${index}`, type: item.type, start: 0, end: 0, text: '', ...(item.annotator === undefined ? {} : { annotator: item.annotator }) });
        const placed = items.filter((item) => item.placed).map(toAnnotation);
        const unplaced = items.filter((item) => !item.placed).map((item, index) => ({ annotation: toAnnotation(item, 1000 + index), kind: item.orphan ? ('orphan' as const) : ('fuzzy' as const) }));
        const summary = summariseDocument(documentOf(placed, unplaced));
        const inOrder = [...placed, ...unplaced.map((item) => item.annotation)];
        assert.deepEqual(Object.entries(summary.types), countsOf(inOrder.map((item) => item.type)));
        assert.deepEqual(Object.entries(summary.annotators), countsOf(inOrder.map((item) => item.annotator ?? unknownAnnotator)));
        assert.equal(summary.annotations, items.length);
        assert.equal(summary.unplaced, unplaced.length);
        assert.equal(summary.orphans, unplaced.filter((item) => item.kind === 'orphan').length);
      }),
    );
  });

  it('counts a file with thousands of tags over a hundred types exactly, each type as often as it occurs', () => {
    // Uneven counts (squares modulo 101), so a count landing on another type's place shows.
    const placed: Annotation[] = Array.from({ length: 5_000 }, (_, index) => ({ id: `id${index}`, type: `TYPE${(index * index) % 101}`, start: 0, end: 0, text: '', annotator: `person${index % 7}` }));
    const summary = summariseDocument(documentOf(placed, []));
    assert.equal(Object.keys(summary.types).length, 51);
    assert.deepEqual(Object.entries(summary.types), countsOf(placed.map((item) => item.type)));
    assert.deepEqual(Object.values(summary.annotators), [715, 715, 714, 714, 714, 714, 714]);
  });
});
