import fc from 'fast-check';
import assert from 'node:assert/strict';
import { analyseConflict } from '../../../src/core/conflict/conflictedSidecar';
import { resolveConflictText, type HunkChoice } from '../../../src/core/conflict/resolveConflict';
import { findConflictMarkers } from '../../../src/core/sidecar/safetyChecks';
import type { Annotation } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { entryIndent, serializeAnnotation, serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { entry, gitAvailable, gitMerge, hunkedFile, sidecarOf } from './conflictTestSupport';

/** What the merge driver writes: only the conflicting entry, one line per side. */
function driverConflict(before: Annotation[], ours: Annotation, theirs: Annotation, after: Annotation[]): string {
  const canonical = serializeSidecar(sidecarOf([...before, ...after]));
  const [head, rest] = canonical.split('annotations:\n');
  const lines = rest.split(/(?<=\n)/);
  const hunk = `<<<<<<< ours\n${entryIndent}${serializeAnnotation(ours)}\n=======\n${entryIndent}${serializeAnnotation(theirs)}\n>>>>>>> theirs\n`;
  return `${head}annotations:\n${lines.slice(0, before.length).join('')}${hunk}${lines.slice(before.length).join('')}`;
}

function idsOf(text: string): string[] {
  const parsed = parseSidecar(text, 'x');
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  return parsed.sidecar.annotations.map((annotation) => annotation.id);
}

function resolved(text: string, choices: ReadonlyMap<number, HunkChoice> | HunkChoice): { text: string; remaining: number } {
  const result = resolveConflictText(text, 'a.txt.ann.yaml', choices);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.problem));
  assert.deepEqual(result.resolution.problems, []);
  return result.resolution;
}

describe('resolving a conflicted sidecar', () => {
  const changedOurs = { ...entry('same0001', 100), type: 'ORG' };
  const changedTheirs = { ...entry('same0001', 100), note: 'theirs' };
  const driver = driverConflict([entry('aaaa0001', 10)], changedOurs, changedTheirs, [entry('zzzz0001', 300)]);

  it('knows which entries each side of a merge-driver hunk holds', () => {
    assert.equal(findConflictMarkers(driver, 'x').length, 3);
    const analysed = analyseConflict(driver);
    assert.ok(analysed.ok);
    const [hunk] = analysed.sidecar.hunks;
    assert.deepEqual(hunk.ours, { ids: ['same0001'], relationIds: [], header: false });
    assert.deepEqual(hunk.theirs, { ids: ['same0001'], relationIds: [], header: false });
  });

  it('keep ours / keep theirs write the canonical sidecar with that side of the entry', () => {
    const ours = resolved(driver, new Map([[0, 'ours']]));
    assert.equal(ours.remaining, 0);
    assert.equal(ours.text, serializeSidecar(sidecarOf([entry('aaaa0001', 10), changedOurs, entry('zzzz0001', 300)])));
    const theirs = resolved(driver, 'theirs');
    assert.equal(theirs.text, serializeSidecar(sidecarOf([entry('aaaa0001', 10), changedTheirs, entry('zzzz0001', 300)])));
  });

  it('keep both gives theirs a fresh id when one id holds different content', () => {
    const both = resolved(driver, 'both');
    const ids = idsOf(both.text);
    assert.equal(ids.length, 4);
    assert.equal(new Set(ids).size, 4);
    const parsed = parseSidecar(both.text, 'x');
    assert.ok(parsed.ok && parsed.canonical);
    const notes = parsed.sidecar.annotations.filter((annotation) => annotation.start === 100);
    assert.deepEqual(notes.map((annotation) => [annotation.id === 'same0001', annotation.type, annotation.note]).sort(), [[false, 'PERSON', 'theirs'], [true, 'ORG', undefined]].sort());
  });

  it('keep both keeps an entry once when both sides wrote it the same', () => {
    const text = driverConflict([entry('aaaa0001', 10)], entry('same0001', 100), entry('same0001', 100), []);
    assert.deepEqual(idsOf(resolved(text, 'both').text), ['aaaa0001', 'same0001']);
  });

  it('resolving one of two hunks leaves the other, markers and all', () => {
    const first = hunkedFile(serializeSidecar(sidecarOf([entry('aaaa0001', 10), entry('ours0001', 20), entry('mmmm0001', 50), entry('ours0002', 60)])), serializeSidecar(sidecarOf([entry('aaaa0001', 10), entry('thrs0001', 30), entry('mmmm0001', 50), entry('thrs0002', 70)])));
    const analysed = analyseConflict(first);
    assert.ok(analysed.ok);
    assert.equal(analysed.sidecar.hunks.length, 2);
    const step = resolved(first, new Map([[1, 'theirs']]));
    assert.equal(step.remaining, 1);
    assert.equal(findConflictMarkers(step.text, 'x').length, 3);
    assert.ok(step.text.includes('thrs0002') && !step.text.includes('ours0002'));
    const done = resolved(step.text, new Map([[0, 'both']]));
    assert.deepEqual(idsOf(done.text), ['aaaa0001', 'ours0001', 'thrs0001', 'mmmm0001', 'thrs0002']);
  });

  it('header hunks (status, sha256): keep both takes ours', () => {
    const ours = serializeSidecar(sidecarOf([entry('aaaa0001', 10)], 'done', 'a'.repeat(64)));
    const theirs = serializeSidecar(sidecarOf([entry('aaaa0001', 10), entry('thrs0001', 30)], 'in-progress', 'b'.repeat(64)));
    const text = hunkedFile(ours, theirs);
    const analysed = analyseConflict(text);
    assert.ok(analysed.ok);
    assert.ok(analysed.sidecar.hunks.some((hunk) => hunk.ours.header && hunk.theirs.header));
    const both = parseSidecar(resolved(text, 'both').text, 'x');
    assert.ok(both.ok);
    assert.equal(both.sidecar.status, 'done');
    assert.equal(both.sidecar.source.sha256, 'a'.repeat(64));
    assert.deepEqual(both.sidecar.annotations.map((annotation) => annotation.id), ['aaaa0001', 'thrs0001']);
  });

  it('keep both when ours had no entries yet (annotations: [])', () => {
    const text = hunkedFile(serializeSidecar(sidecarOf([])), serializeSidecar(sidecarOf([entry('thrs0001', 30)])));
    assert.deepEqual(idsOf(resolved(text, 'both').text), ['thrs0001']);
  });

  it('keep both keeps their relations, following an annotation that got a fresh id', () => {
    const base = [entry('aaaa0001', 10), entry('bbbb0001', 20)];
    const link = (id: string, from: string, to: string, type = 'employs') => ({ id, type, from, to });
    const ours = { ...sidecarOf([...base, { ...entry('same0001', 30), note: 'A' }]), relations: [link('rrrr0001', 'aaaa0001', 'bbbb0001')] };
    const theirs = { ...sidecarOf([...base, { ...entry('same0001', 30), note: 'B' }]), relations: [link('rrrr0001', 'aaaa0001', 'bbbb0001'), link('rrrr0002', 'same0001', 'aaaa0001', 'member-of')] };
    const text = hunkedFile(serializeSidecar(ours), serializeSidecar(theirs));
    const analysed = analyseConflict(text);
    assert.ok(analysed.ok);
    assert.deepEqual(analysed.sidecar.hunks.flatMap((hunk) => hunk.theirs.relationIds), ['rrrr0002']);
    const parsed = parseSidecar(resolved(text, 'both').text, 'x');
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const fresh = parsed.sidecar.annotations.find((annotation) => annotation.note === 'B');
    assert.ok(fresh && fresh.id !== 'same0001');
    assert.deepEqual(
      (parsed.sidecar.relations ?? []).map((relation) => `${relation.id} ${relation.from} ${relation.to}`).sort(),
      ['rrrr0001 aaaa0001 bbbb0001', `rrrr0002 ${fresh.id} aaaa0001`],
    );
  });

  it('refuses a hunk number the file does not have, and a file without conflicts', () => {
    const outOfRange = resolveConflictText(driver, 'x', new Map([[3, 'ours']]));
    assert.ok(!outOfRange.ok);
    const none = resolveConflictText(serializeSidecar(sidecarOf([])), 'x', 'ours');
    assert.ok(!none.ok);
  });

  describe('plain git text merges', function () {
    this.timeout(60_000);
    before(function () {
      if (!gitAvailable()) this.skip();
    });

    const base = serializeSidecar(sidecarOf([entry('base0001', 100), entry('base0002', 200)], 'untouched'));
    // Both add tags that sort between the same two entries, and both change the status.
    const ours = serializeSidecar(sidecarOf([entry('base0001', 100), entry('ours0001', 150), entry('ours0002', 160), entry('base0002', 200)], 'done'));
    const theirs = serializeSidecar(sidecarOf([entry('base0001', 100), entry('thrs0001', 140), entry('base0002', 200)], 'in-progress'));

    for (const options of [[], ['--diff3'], ['--zdiff3'], ['--marker-size=10'], ['--diff3', '--marker-size=9']]) {
      it(`reads and resolves git merge-file ${options.join(' ') || '(merge style)'}`, () => {
        const merged = gitMerge(base, ours, theirs, options);
        assert.ok(!merged.clean, 'a plain text merge conflicts here');
        assert.ok(findConflictMarkers(merged.merged, 'x').length >= 3, 'the reader refuses it');
        const analysed = analyseConflict(merged.merged);
        assert.ok(analysed.ok);
        // Without diff3, git's hunk reaches from the status line into the entries (base0001 included).
        const ids = (which: 'ours' | 'theirs') => new Set(analysed.sidecar.hunks.flatMap((hunk) => hunk[which].ids));
        assert.deepEqual([...ids('ours')].filter((id) => id !== 'base0001'), ['ours0001', 'ours0002']);
        assert.deepEqual([...ids('theirs')].filter((id) => id !== 'base0001'), ['thrs0001']);
        assert.ok(analysed.sidecar.hunks.some((hunk) => hunk.ours.header && hunk.theirs.header), 'a hunk holds the status');
        assert.equal(resolved(merged.merged, 'ours').text, ours);
        assert.equal(resolved(merged.merged, 'theirs').text, theirs);
        const both = parseSidecar(resolved(merged.merged, 'both').text, 'x');
        assert.ok(both.ok && both.canonical);
        assert.equal(both.sidecar.status, 'done');
        assert.deepEqual(both.sidecar.annotations.map((annotation) => annotation.id), ['base0001', 'thrs0001', 'ours0001', 'ours0002', 'base0002']);
      });
    }
  });

  describe('properties', () => {
    const pool = ['aaaaaaa1', 'bbbbbbb2', 'ccccccc3', 'ddddddd4', 'eeeeeee5'];
    const annotation = fc.record({ id: fc.constantFrom(...pool), start: fc.nat({ max: 40 }), type: fc.constantFrom('PERSON', 'ORG') }).map(({ id, start, type }) => entry(id, start, type));
    const annotations = fc.uniqueArray(annotation, { selector: (item) => item.id, maxLength: 5 });
    const status = fc.constantFrom('untouched' as const, 'in-progress' as const, 'done' as const);
    const side = fc.record({ annotations, status }).map(({ annotations, status }) => serializeSidecar(sidecarOf(annotations, status)));

    it('resolving every hunk with ours gives ours, with theirs gives theirs', () => {
      fc.assert(
        fc.property(side, side, (ours, theirs) => {
          fc.pre(ours !== theirs);
          const text = hunkedFile(ours, theirs);
          assert.equal(resolved(text, 'ours').text, ours);
          assert.equal(resolved(text, 'theirs').text, theirs);
        }),
      );
    });

    it('keeping both holds every entry of both sides: ours as they were, theirs (fresh id on a clash)', () => {
      fc.assert(
        fc.property(annotations, annotations, (mine, yours) => {
          const ours = serializeSidecar(sidecarOf(mine));
          const theirs = serializeSidecar(sidecarOf(yours));
          fc.pre(ours !== theirs);
          const parsed = parseSidecar(resolved(hunkedFile(ours, theirs), 'both').text, 'x');
          assert.ok(parsed.ok);
          const lines = new Set(parsed.sidecar.annotations.map(serializeAnnotation));
          for (const item of mine) assert.ok(lines.has(serializeAnnotation(item)), serializeAnnotation(item));
          const withoutId = new Set(parsed.sidecar.annotations.map((item) => serializeAnnotation({ ...item, id: '' })));
          for (const item of yours) assert.ok(withoutId.has(serializeAnnotation({ ...item, id: '' })), serializeAnnotation(item));
          assert.equal(new Set(parsed.sidecar.annotations.map((item) => item.id)).size, parsed.sidecar.annotations.length);
        }),
      );
    });
  });
});
