import assert from 'node:assert/strict';
import { applyChange, invertChange } from '../../../src/core/editing/annotationChange';
import { annotationsAt, changeAnnotationType, removeAnnotations, setAnnotationNote, tagSpans } from '../../../src/core/editing/tagActions';
import { createSidecar } from '../../../src/core/sidecar/createSidecar';
import type { Sidecar } from '../../../src/core/sidecar/model';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { decodeText } from '../../../src/core/text/decodeText';

const content = 'La alcaldesa Lucía Ferrán visitó Hangzhou 🇨🇳 con Zhou Mingyuan.';
const text = new CodePointIndex(content);
const empty = createSidecar('a.txt', decodeText(new TextEncoder().encode(content)));

function tagged(): Sidecar {
  const change = tagSpans(empty, text, [{ start: 13, end: 25 }, { start: 33, end: 41 }], { type: 'PERSON', annotator: 'ana', created: new Date('2026-11-24T10:00:00Z') });
  return applyChange(empty, change);
}

describe('tagging actions', () => {
  it('tags spans with their exact text, context, annotator and time', () => {
    const sidecar = tagged();
    assert.deepEqual(
      sidecar.annotations.map((annotation) => [annotation.text, annotation.type, annotation.annotator, annotation.created]),
      [
        ['Lucía Ferrán', 'PERSON', 'ana', '2026-11-24T10:00:00Z'],
        ['Hangzhou', 'PERSON', 'ana', '2026-11-24T10:00:00Z'],
      ],
    );
    assert.equal(sidecar.annotations[0]?.prefix, 'La alcaldesa ');
    assert.notEqual(sidecar.annotations[0]?.id, sidecar.annotations[1]?.id);
  });

  it('skips spans already tagged with the same type, but allows another type on the same span', () => {
    const sidecar = tagged();
    assert.equal(tagSpans(sidecar, text, [{ start: 13, end: 25 }], { type: 'PERSON' }).added.length, 0);
    assert.equal(tagSpans(sidecar, text, [{ start: 13, end: 25 }], { type: 'ORG' }).added.length, 1);
  });

  it('changes a type and undoes the change', () => {
    const sidecar = tagged();
    const hangzhou = sidecar.annotations.find((annotation) => annotation.text === 'Hangzhou')!;
    const change = changeAnnotationType(sidecar, new Set([hangzhou.id]), 'LOCATION');
    const changed = applyChange(sidecar, change);
    assert.equal(changed.annotations.find((annotation) => annotation.id === hangzhou.id)?.type, 'LOCATION');
    const undone = applyChange(changed, invertChange(change));
    assert.equal(undone.annotations.find((annotation) => annotation.id === hangzhou.id)?.type, 'PERSON');
    assert.equal(undone.annotations.length, 2);
  });

  it('removes, and undo brings back the same entry', () => {
    const sidecar = tagged();
    const first = sidecar.annotations[0];
    const change = removeAnnotations(sidecar, new Set([first.id]));
    const removed = applyChange(sidecar, change);
    assert.equal(removed.annotations.length, 1);
    assert.deepEqual(applyChange(removed, invertChange(change)).annotations.find((annotation) => annotation.id === first.id), first);
  });

  it('undo keeps entries someone else added in the meantime', () => {
    const sidecar = tagged();
    const mine = tagSpans(sidecar, text, [{ start: 49, end: 62 }], { type: 'PERSON' });
    const afterMine = applyChange(sidecar, mine);
    const theirs = tagSpans(afterMine, text, [{ start: 0, end: 2 }], { type: 'MISC' });
    const afterTheirs = applyChange(afterMine, theirs);
    const undone = applyChange(afterTheirs, invertChange(mine));
    assert.deepEqual(undone.annotations.map((annotation) => annotation.text).sort(), ['Hangzhou', 'La', 'Lucía Ferrán']);
  });

  it('sets and clears a note', () => {
    const sidecar = tagged();
    const id = sidecar.annotations[0].id;
    const noted = applyChange(sidecar, setAnnotationNote(sidecar, id, 'check spelling'));
    assert.equal(noted.annotations.find((annotation) => annotation.id === id)?.note, 'check spelling');
    const cleared = applyChange(noted, setAnnotationNote(noted, id, ''));
    assert.equal(cleared.annotations.find((annotation) => annotation.id === id)?.note, undefined);
  });

  it('finds the annotations under a cursor, edges included', () => {
    const sidecar = tagged();
    assert.deepEqual(annotationsAt(sidecar, 25).map((annotation) => annotation.text), ['Lucía Ferrán']);
    assert.deepEqual(annotationsAt(sidecar, 30), []);
  });
});
