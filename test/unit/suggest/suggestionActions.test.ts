import assert from 'node:assert/strict';
import { applyChange } from '../../../src/core/editing/annotationChange';
import { createSidecar, newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Sidecar, Suggestion } from '../../../src/core/sidecar/model';
import { acceptSuggestions, openSuggestions, rejectSuggestions, sameEntity, withSuggestionsWhileTagging } from '../../../src/core/suggest/suggestionActions';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { decodeText } from '../../../src/core/text/decodeText';

const content = 'Petro met Petro at Petroleum House; Petro left.';
const text = new CodePointIndex(content);
const suggestion = (id: string, start: number, extra: Partial<Suggestion> = {}): Suggestion => ({ id, type: 'PERSON', start, end: start + 5, text: 'Petro', source: 'tags', score: 1, ...extra });

function sidecarWith(suggestions: Suggestion[]): Sidecar {
  return { ...createSidecar('a.txt', decodeText(new TextEncoder().encode(content))), suggestions };
}

describe('suggestion actions', () => {
  it('accepting makes an annotation with annotator and time, and removes the suggestion', () => {
    const sidecar = sidecarWith([suggestion('s1', 0), suggestion('s2', 10)]);
    const change = acceptSuggestions(sidecar, text, new Set(['s2']), { annotator: 'ana', created: new Date('2026-12-02T12:00:00Z') });
    assert.deepEqual(change.removedSuggestions?.map((item) => item.id), ['s2']);
    assert.equal(change.added.length, 1);
    assert.deepEqual({ ...change.added[0], id: '' }, { ...newAnnotation(sidecar, text, { type: 'PERSON', start: 10, end: 15, annotator: 'ana', created: new Date('2026-12-02T12:00:00Z') }), id: '' });
    const after = applyChange(sidecar, change);
    assert.deepEqual(after.suggestions?.map((item) => item.id), ['s1']);
    assert.ok(!after.suggestions?.some((item) => item.id === change.added[0].id), 'ids are not shared');
  });

  it('rejecting keeps the suggestion, marked, and hides it', () => {
    const sidecar = sidecarWith([suggestion('s1', 0)]);
    const after = applyChange(sidecar, rejectSuggestions(sidecar, new Set(['s1'])));
    assert.equal(after.suggestions?.[0].rejected, true);
    assert.deepEqual(openSuggestions(after, text), []);
    assert.deepEqual(acceptSuggestions(after, text, new Set(['s1']), {}).added, [], 'a rejected suggestion cannot be accepted');
  });

  it('hides suggestions that no longer hold their text', () => {
    assert.deepEqual(openSuggestions(sidecarWith([suggestion('s1', 1)]), text), []);
  });

  it('tagging a name suggests its untagged whole-word occurrences, not "Petroleum"', () => {
    const sidecar = sidecarWith([]);
    const change = withSuggestionsWhileTagging(sidecar, text, tagSpans(sidecar, text, [{ start: 0, end: 5 }], { type: 'PERSON' }));
    assert.deepEqual(change.addedSuggestions?.map((item) => [item.start, item.source]), [[10, 'tags'], [36, 'tags']]);
    const after = applyChange(sidecar, change);
    assert.deepEqual([...sameEntity(openSuggestions(after, text), after.suggestions![0])].length, 2);
  });
});
