import assert from 'node:assert/strict';
import { applyChange, invertChange, isEmptyChange } from '../../../src/core/editing/annotationChange';
import { linkAnnotations, relationTargets, removeRelations, setAttribute, setLinks, tagFragments } from '../../../src/core/editing/relationActions';
import { removeAnnotations } from '../../../src/core/editing/tagActions';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { readFixture } from '../sidecar/sidecarTestSupport';

function fixture() {
  const parsed = parseSidecar(readFixture('article.txt.ann.yaml'), 'a.ann.yaml');
  assert.ok(parsed.ok);
  return parsed.sidecar;
}
const created = new Date('2026-12-02T10:00:00Z');

describe('relation actions', () => {
  it('links two tags, and removing a tag removes its relations; undo restores both', () => {
    let sidecar = fixture();
    const [person, place, org] = sidecar.annotations;
    const link = linkAnnotations(sidecar, person.id, place.id, 'mayor_of', { annotator: 'ana', created });
    sidecar = applyChange(sidecar, link);
    sidecar = applyChange(sidecar, linkAnnotations(sidecar, org.id, person.id, 'meets', { created }));
    assert.deepEqual(sidecar.relations!.map((relation) => [relation.type, relation.from, relation.to]), [['mayor_of', person.id, place.id], ['meets', org.id, person.id]]);
    assert.equal(sidecar.relations![0].created, '2026-12-02T10:00:00Z');
    assert.ok(isEmptyChange(linkAnnotations(sidecar, person.id, place.id, 'mayor_of')), 'the same relation twice is nothing');
    assert.ok(isEmptyChange(linkAnnotations(sidecar, person.id, 'nope', 'mayor_of')), 'no dangling relation is made');

    const removal = removeAnnotations(sidecar, new Set([person.id]));
    assert.equal(removal.removedRelations?.length, 2);
    const removed = applyChange(sidecar, removal);
    assert.equal(removed.relations, undefined);
    assert.ok(!removed.annotations.some((annotation) => annotation.id === person.id));
    const undone = applyChange(removed, invertChange(removal));
    assert.deepEqual(new Set(undone.relations), new Set(sidecar.relations));
    assert.ok(undone.annotations.some((annotation) => annotation.id === person.id));

    const unlinked = applyChange(sidecar, removeRelations(sidecar, new Set([sidecar.relations![0].id])));
    assert.equal(unlinked.relations!.length, 1);
  });

  it('tags selections as one discontinuous span, joining touching pieces', () => {
    const sidecar = fixture();
    const text = new CodePointIndex(readFixture('article.txt'));
    const change = tagFragments(sidecar, text, [{ start: 28, end: 31 }, { start: 31, end: 34 }, { start: 0, end: 6 }], { type: 'PERSON', created });
    assert.deepEqual(change.added.map((annotation) => [annotation.text, annotation.fragments]), [['Sophia Lisbon', [[0, 6], [28, 34]]]]);
    const single = tagFragments(sidecar, text, [{ start: 28, end: 31 }, { start: 30, end: 34 }], { type: 'LOCATION' });
    assert.ok(isEmptyChange(single), 'one piece already tagged with the type is nothing new');
  });

  it('lists relation targets nearest first, filtered by the allowed types', () => {
    const sidecar = fixture();
    const [person] = sidecar.annotations;
    const targets = relationTargets(sidecar, person.id, [{ name: 'mayor_of', from: ['PERSON'], to: ['LOCATION'] }, { name: 'works_for', to: ['ORGANIZATION'] }]);
    assert.deepEqual(targets.map((target) => [target.annotation.text, target.types]), [['Lisbon', ['mayor_of']], ['ACME Corp.', ['works_for']]]);
    assert.equal(relationTargets(sidecar, person.id, undefined).length, sidecar.annotations.length - 1);
  });

  it('sets binary and valued attributes and KB links', () => {
    let sidecar = fixture();
    const id = sidecar.annotations[0].id;
    sidecar = applyChange(sidecar, setAttribute(sidecar, id, 'Negated', true));
    sidecar = applyChange(sidecar, setAttribute(sidecar, id, 'Certainty', 'high'));
    sidecar = applyChange(sidecar, setLinks(sidecar, id, ['wikidata:Q1']));
    const tagged = sidecar.annotations.find((annotation) => annotation.id === id)!;
    assert.deepEqual([tagged.attributes, tagged.links], [{ Negated: true, Certainty: 'high' }, ['wikidata:Q1']]);
    sidecar = applyChange(sidecar, setAttribute(sidecar, id, 'Negated', undefined));
    sidecar = applyChange(sidecar, setAttribute(sidecar, id, 'Certainty', undefined));
    sidecar = applyChange(sidecar, setLinks(sidecar, id, []));
    const cleared = sidecar.annotations.find((annotation) => annotation.id === id)!;
    assert.deepEqual([cleared.attributes, cleared.links], [undefined, undefined]);
  });
});
