import assert from 'node:assert/strict';
import fc from 'fast-check';
import { moveLiveAnnotations, type LiveAnnotation, type LiveState, type MovingAnnotation } from '../../../src/core/editing/liveAnnotations';
import { shiftSpan, type TextChange } from '../../../src/core/editing/shiftSpan';
import type { Annotation } from '../../../src/core/sidecar/model';

const states: LiveState[] = ['ok', 'fuzzy', 'orphan', 'edited', 'clipped', 'deleted'];
const outcomeState: Partial<Record<string, LiveState>> = { resized: 'edited', clipped: 'clipped', deleted: 'deleted' };

/** The rule written the plain way: every change through shiftSpan, last change first, new objects. */
function reference(live: readonly LiveAnnotation[], changes: readonly TextChange[]): LiveAnnotation[] {
  const ordered = [...changes].sort((left, right) => right.start - left.start);
  return live.map((item) => {
    if (item.state === 'orphan' || item.state === 'deleted') return item;
    let { start, end } = item;
    let state: LiveState = item.state;
    for (const change of ordered) {
      const shifted = shiftSpan({ start, end }, change);
      ({ start, end } = shifted);
      state = outcomeState[shifted.outcome] ?? state;
      if (state === 'deleted') break;
    }
    return { annotation: item.annotation, start, end, state };
  });
}

function annotation(index: number, start: number, end: number): Annotation {
  return { id: `a${index}`, type: 'PERSON', start, end, text: 'x'.repeat(end - start) };
}

const liveList = fc.array(
  fc.record({ start: fc.nat(200), length: fc.nat(12), state: fc.constantFrom(...states) }),
  { maxLength: 40 },
).map((spans) => spans.map(({ start, length, state }, index): MovingAnnotation => ({ annotation: annotation(index, start, start + length), start, end: start + length, state })));

/** Up to three non-overlapping changes in the coordinates of the text before the edit, in any order. */
const changeList = fc
  .uniqueArray(fc.nat(220), { minLength: 0, maxLength: 6 })
  .chain((cuts) => {
    const sorted = [...cuts].sort((left, right) => left - right);
    const changes: { start: number; end: number }[] = [];
    for (let index = 0; index + 1 < sorted.length; index += 2) changes.push({ start: sorted[index], end: sorted[index + 1] });
    if (sorted.length % 2 === 1) changes.push({ start: sorted[sorted.length - 1], end: sorted[sorted.length - 1] });
    return fc.tuple(fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }), fc.array(fc.nat(5), { minLength: changes.length, maxLength: changes.length }));
  })
  .map(([changes, inserted]): TextChange[] => changes.map((change, index) => ({ ...change, insertedLength: inserted[index] })));

describe('moveLiveAnnotations', () => {
  it('moves every span as shiftSpan does, change by change (property)', () => {
    fc.assert(
      fc.property(liveList, changeList, (live, changes) => {
        const moving = live.map((item) => ({ ...item }));
        moveLiveAnnotations(moving, changes);
        assert.deepEqual(moving, reference(live, changes));
      }),
      { numRuns: 2000 },
    );
  });

  it('moves the entries in place: the list keeps its objects, and one the edit did not reach is unchanged', () => {
    const before: MovingAnnotation = { annotation: annotation(0, 2, 5), start: 2, end: 5, state: 'ok' };
    const after: MovingAnnotation = { annotation: annotation(1, 20, 25), start: 20, end: 25, state: 'ok' };
    const list = [before, after];
    moveLiveAnnotations(list, [{ start: 10, end: 10, insertedLength: 1 }]);
    assert.equal(list[0], before);
    assert.equal(list[1], after);
    assert.deepEqual(before, { annotation: before.annotation, start: 2, end: 5, state: 'ok' });
    assert.deepEqual(after, { annotation: after.annotation, start: 21, end: 26, state: 'ok' });
    moveLiveAnnotations(list, [{ start: 3, end: 4, insertedLength: 0 }]);
    assert.deepEqual(list.map(({ start, end, state }) => [start, end, state]), [[2, 4, 'edited'], [20, 25, 'ok']]);
  });

  it('keeps the text under every span an edit outside it moved, across a whole article (property)', () => {
    // Typing into a long article, one keystroke at a time: shifting each keystroke must leave
    // each span where a search of the new text from scratch would place it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '😀', '𠮷', '\n', ' '), { minLength: 30, maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom('', 'x', '𠮷', 'yz')), { maxLength: 30 }), (characters, edits) => {
        let text: string[] = [...characters];
        const live: MovingAnnotation[] = [];
        for (let start = 0; start + 3 <= text.length; start += 7) live.push({ annotation: annotation(start, start, start + 3), start, end: start + 3, state: 'ok' });
        const expected = new Map(live.map((item) => [item.annotation.id, text.slice(item.start, item.end).join('')]));
        for (const [at, removed, inserted] of edits) {
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + removed);
          const insertedPoints = [...inserted];
          moveLiveAnnotations(live, [{ start, end, insertedLength: insertedPoints.length }]);
          text = [...text.slice(0, start), ...insertedPoints, ...text.slice(end)];
        }
        for (const item of live) {
          if (item.state === 'ok') assert.equal(text.slice(item.start, item.end).join(''), expected.get(item.annotation.id));
        }
      }),
      { numRuns: 500 },
    );
  });
});
