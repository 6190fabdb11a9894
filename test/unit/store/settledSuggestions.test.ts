/**
 * The store skips re-checking suggestions it wrote that hold their text; one that does not hold
 * it must be reported on every write, not only the first.
 */
import assert from 'node:assert/strict';
import type { Suggestion } from '../../../src/core/sidecar/model';
import { rejectSuggestions } from '../../../src/core/suggest/suggestionActions';
import { applyChange } from '../../../src/core/editing/annotationChange';
import { loaded, setup, textPath } from './storeTestSupport';

describe('SidecarStore.update with suggestions already written', () => {
  it('reports a suggestion that does not hold its text on every write, and none for those that do', async () => {
    const { store } = setup();
    const text = (await loaded(store)).text;
    const holding = (id: string, start: number, end: number): Suggestion => ({ id, type: 'PERSON', start, end, text: text.slice(start, end), source: 'tags', score: 1 });
    const wrong: Suggestion = { ...holding('s3', 10, 14), text: 'not this' };
    const first = await store.update(textPath, (sidecar) => ({ ...sidecar, suggestions: [holding('s1', 0, 4), holding('s2', 5, 9), wrong] }));
    assert.ok(first.ok);
    assert.deepEqual(first.problems.map((item) => item.code), ['suggestion-mismatch']);
    for (const id of ['s1', 's2']) {
      const next = await store.update(textPath, (sidecar) => applyChange(sidecar, rejectSuggestions(sidecar, new Set([id]))));
      assert.ok(next.ok);
      assert.equal(next.written, true);
      assert.deepEqual(next.problems.map((item) => item.code), ['suggestion-mismatch'], `after rejecting ${id}`);
    }
  });
});
