import assert from 'node:assert/strict';
import type { Disagreement } from '../../../src/core/agreement/agreementReport';
import { adjudicationChange, type Resolution } from '../../../src/core/agreement/adjudicationChange';
import { compareSides } from '../../../src/core/agreement/compareSides';
import { openDisagreements, stillSettled, type Settled } from '../../../src/core/agreement/settledDisagreements';
import { annotatorSide, annotatorsIn } from '../../../src/core/agreement/annotatorSides';
import { applyChange, type AnnotationChange } from '../../../src/core/editing/annotationChange';
import { isProblem } from '../../../src/workspace/fileEdit';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { CodePointIndex } from '../../../src/core/text/codePoints';

// Offsets in code points: 🇨🇴 is two, so "Ana" is 3-6, "Pérez" 7-12, "Bogotá" 16-22.
const text = '🇨🇴 Ana Pérez en Bogotá.';
const index = new CodePointIndex(text);

function tag(id: string, type: string, start: number, end: number, annotator?: string): Annotation {
  return { id, type, start, end, text: index.slice(start, end), ...(annotator ? { annotator } : {}) };
}

function sidecar(annotations: Annotation[]): Sidecar {
  return { format: 'news-annotator/1', source: { file: 'a.txt', sha256: '', unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'none' }, status: 'in-progress', annotations };
}

function change(current: Sidecar, item: Disagreement, resolution: Resolution): AnnotationChange {
  const made = adjudicationChange(current, index, item, resolution);
  assert.ok(!isProblem(made), isProblem(made) ? made.message : '');
  return made;
}

const spans = (annotations: readonly Annotation[]) => annotations.map((annotation) => `${annotation.type}:${annotation.text}`).sort();

describe('adjudicationChange', () => {
  const ours = tag('o1', 'PERSON', 3, 6);
  const theirs = tag('t1', 'PERSON', 3, 12);
  const boundary: Disagreement = { path: 'a.txt', line: 1, column: 4, kind: 'boundary', left: ours, right: theirs };
  const current = sidecar([ours, tag('o2', 'LOCATION', 16, 22)]);

  it('accept theirs removes ours and adds theirs, in code points', () => {
    const result = applyChange(current, change(current, boundary, 'accept-theirs'));
    assert.deepEqual(spans(result.annotations), ['LOCATION:Bogotá', 'PERSON:Ana Pérez']);
  });

  it('keep mine writes nothing; keep both adds theirs beside ours; reject both removes ours', () => {
    assert.deepEqual(change(current, boundary, 'keep-mine'), { removed: [], added: [] });
    assert.deepEqual(spans(applyChange(current, change(current, boundary, 'keep-both')).annotations), ['LOCATION:Bogotá', 'PERSON:Ana', 'PERSON:Ana Pérez']);
    assert.deepEqual(spans(applyChange(current, change(current, boundary, 'reject-both')).annotations), ['LOCATION:Bogotá']);
  });

  it('gives theirs a fresh id when the id is taken by an annotation that stays', () => {
    const clashing: Disagreement = { ...boundary, right: { ...theirs, id: 'o2' } };
    const added = change(current, clashing, 'keep-both').added[0];
    assert.notEqual(added.id, 'o2');
    assert.equal(added.text, 'Ana Pérez');
    // Same id on both sides (one tag whose bounds were changed on a branch): replaced in place.
    const sameId: Disagreement = { ...boundary, right: { ...theirs, id: 'o1' } };
    const accepted = change(current, sameId, 'accept-theirs');
    assert.equal(accepted.added[0].id, 'o1');
    assert.deepEqual(spans(applyChange(current, accepted).annotations), ['LOCATION:Bogotá', 'PERSON:Ana Pérez']);
  });

  it('does not add theirs twice when both annotators tag in the same sidecar, and reject both removes both', () => {
    const alice = tag('a1', 'PERSON', 16, 22, 'alice');
    const bob = tag('b1', 'LOCATION', 16, 22, 'bob');
    const shared = sidecar([alice, bob]);
    const typeDisagreement: Disagreement = { path: 'a.txt', line: 1, column: 17, kind: 'type', left: alice, right: bob };
    assert.deepEqual(change(shared, typeDisagreement, 'accept-theirs'), { removed: [alice], added: [] });
    assert.deepEqual(change(shared, typeDisagreement, 'keep-both'), { removed: [], added: [] });
    assert.deepEqual(change(shared, typeDisagreement, 'reject-both'), { removed: [alice, bob], added: [] });
  });

  it('refuses when the text no longer holds their words', () => {
    const moved: Disagreement = { path: 'a.txt', line: 1, column: 1, kind: 'only-right', right: { ...theirs, text: 'Someone else' } };
    const made = adjudicationChange(current, index, moved, 'accept-theirs');
    assert.ok(isProblem(made));
    assert.equal(made.code, 'text-changed');
  });
});

describe('settled disagreements', () => {
  const alice = tag('a1', 'PERSON', 16, 22, 'alice');
  const bob = tag('b1', 'LOCATION', 16, 22, 'bob');
  const bobToo = tag('b2', 'PERSON', 3, 12, 'bob');
  const documents = [{ path: 'a.txt', text, annotations: [alice, bob, bobToo] }];

  it('splits one set of sidecars into two annotators', () => {
    assert.deepEqual(annotatorsIn(documents), ['alice', 'bob']);
    assert.deepEqual(annotatorSide(documents, 'bob').documents[0].annotations, [bob, bobToo]);
  });

  it('hides what an answer covered while our sidecar still shows it, and shows it again after an undo', () => {
    const report = compareSides(annotatorSide(documents, 'alice'), annotatorSide(documents, 'bob'));
    assert.equal(report.disagreements.length, 2);
    const typeItem = report.disagreements.find((item) => item.kind === 'type')!;
    // Accept theirs: alice's tag is removed; bob's stays behind alone, which must not come back as "only theirs".
    const answer: Settled = { path: 'a.txt', ids: ['a1', 'b1'], removed: [alice], added: [] };
    const after = [bob, bobToo];
    const next = compareSides(annotatorSide([{ path: 'a.txt', text, annotations: after }], 'alice'), annotatorSide([{ path: 'a.txt', text, annotations: after }], 'bob'));
    assert.ok(next.disagreements.some((item) => item.right?.id === 'b1'), 'bob alone is a disagreement of the raw report');
    assert.ok(stillSettled(answer, after));
    assert.deepEqual(openDisagreements(next, [answer], () => after).disagreements.map((item) => item.right?.id), ['b2']);
    // Undone: alice's tag is back, so the answer no longer holds and the disagreement shows again.
    const undone = [alice, bob, bobToo];
    assert.equal(stillSettled(answer, undone), false);
    assert.ok(openDisagreements(report, [answer], () => undone).disagreements.includes(typeItem));
  });
});
