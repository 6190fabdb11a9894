import assert from 'node:assert/strict';
import type { LiveAnnotation } from '../../../src/core/editing/liveAnnotations';
import { livePieces } from '../../../src/core/editing/livePieces';
import type { Annotation } from '../../../src/core/sidecar/model';

const annotation = (fields: Partial<Annotation>): Annotation => ({ id: 'a1', type: 'LOCATION', start: 10, end: 25, text: 'New Bogotá', ...fields });
const live = (stored: Annotation, start: number, end: number): LiveAnnotation => ({ annotation: stored, start, end, state: 'ok' });

describe('livePieces', () => {
  it('is the span itself for a tag without fragments', () => {
    assert.deepEqual(livePieces(live(annotation({}), 12, 20)), [[12, 20]]);
  });

  it('moves every fragment with the outer bounds while their length is unchanged', () => {
    const stored = annotation({ fragments: [[10, 13], [19, 25]] });
    assert.deepEqual(livePieces(live(stored, 10, 25)), [[10, 13], [19, 25]]);
    assert.deepEqual(livePieces(live(stored, 14, 29)), [[14, 17], [23, 29]]);
  });

  it('draws the outer bounds as one piece after an edit inside them (the pieces are unknown until saved)', () => {
    const stored = annotation({ fragments: [[10, 13], [19, 25]] });
    assert.deepEqual(livePieces(live(stored, 10, 27)), [[10, 27]]);
  });
});
